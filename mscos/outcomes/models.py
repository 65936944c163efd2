"""The outcome set: the domains and long-list, the outcome pages, the page on using the outcomes
as a set, and the focus of the week."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from mscos.core.blocks import ContentStreamBlock
from mscos.core.models import SitePage
from mscos.core.panels import LockedFieldPanel
from mscos.core.query_params import int_param
from mscos.core.translated_pages import default_language_only, in_reader_language, original
from mscos.outcomes.blocks import OutcomeStreamBlock


class Domain(ClusterableModel):
    """One of the ten domains that group the long-list of outcomes."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        InlinePanel(
            "long_list_outcomes",
            label=_("Outcomes in this domain"),
            help_text=_("Drag to reorder. Link the core outcomes to their pages."),
        ),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("domain")
        verbose_name_plural = _("domains")

    def __str__(self) -> str:
        return self.name


class LongListOutcome(Orderable):
    """One outcome of the long-list, in its domain; core outcomes link to their page."""

    domain = ParentalKey(
        Domain,
        on_delete=models.CASCADE,
        related_name="long_list_outcomes",
        verbose_name=_("domain"),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    outcome_page = models.ForeignKey(
        "outcomes.OutcomePage",
        verbose_name=_("core outcome page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="long_list_entries",
        help_text=_("Only for the core outcomes: marks it as core and links to its page."),
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("outcome_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("long-list outcome")
        verbose_name_plural = _("long-list outcomes")

    def __str__(self) -> str:
        return self.name

    @property
    def is_core(self) -> bool:
        return self.outcome_page_id is not None


class OutcomeIndexPage(SitePage):
    """Core outcomes: how to use them as a set, and one page per outcome."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["outcomes.OutcomePage", "outcomes.OutcomeSetPage", "outcomes.LongListPage"]
    max_count = 1

    class Meta:
        verbose_name = _("core outcomes section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The English section's pages, each in the reader's language where translated: the
        # translated section has only the pages translated so far (core.translated_pages).
        section = original(self)
        children = in_reader_language(
            OutcomePage.objects.child_of(section).live().public().order_by("path")
        )
        context["core_outcomes"] = [child for child in children if child.kind == OutcomePage.CORE]
        context["topic_pages"] = [child for child in children if child.kind == OutcomePage.TOPIC]
        context["guides"] = in_reader_language(
            section.get_children().live().public().not_type(OutcomePage).specific().order_by("path")
        )
        context["domains"] = Domain.objects.all()
        return context

    def get_meta_description(self) -> str:
        return self.search_description or self.intro


class OutcomePage(SitePage):
    """One core outcome (or a topic page beside them), with its banner and forum button."""

    CORE = "core"
    TOPIC = "topic"
    KIND_CHOICES = [(CORE, _("Core outcome")), (TOPIC, _("Topic page"))]

    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES, default=CORE)
    number = models.PositiveSmallIntegerField(_("number in the set"), null=True, blank=True)
    other_names = models.CharField(
        _("other names"),
        max_length=255,
        blank=True,
        help_text=_("Other names it is known by, separated by semicolons."),
    )
    summary = models.TextField(_("summary"), help_text=_("One or two plain sentences."))
    descriptor = models.TextField(
        _("study descriptor"), blank=True, help_text=_("How the study describes this outcome.")
    )
    domain = models.ForeignKey(
        Domain,
        verbose_name=_("domain"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outcome_pages",
    )
    body = StreamField(
        OutcomeStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_(
            "Clips, perspectives, practice, recommendations, resources and forum topics, in the "
            "order readers should meet them."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                # The numbers are the study's; changing one would renumber the published set.
                LockedFieldPanel(
                    "number",
                    permission="superuser",
                    help_text=_("Set by the study; only a superuser can change it."),
                ),
                FieldPanel("domain"),
            ],
            heading=_("Place in the set"),
        ),
        FieldPanel("other_names"),
        FieldPanel("summary"),
        FieldPanel("descriptor"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("other_names"),
        index.SearchField("summary"),
        index.SearchField("descriptor"),
        index.SearchField("body"),
    ]
    parent_page_types = ["outcomes.OutcomeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("outcome page")

    @property
    def other_name_list(self) -> list[str]:
        return [name.strip() for name in self.other_names.split(";") if name.strip()]

    @property
    def has_latest_topics_block(self) -> bool:
        return any(block.block_type == "latest_topics" for block in self.body)

    def get_meta_description(self) -> str:
        return self.search_description or self.summary


class OutcomeSetPage(SitePage):
    """Working with the outcomes as a set: all seven together, and how they connect."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel(
            "connections",
            label=_("How the outcomes connect"),
            help_text=_("Pairs of outcomes and how one supports the other."),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["outcomes.OutcomeIndexPage"]
    subpage_types: list[str] = []
    max_count = 1

    is_section_guide = True  # listed apart from the outcome cards on the home page

    class Meta:
        verbose_name = _("outcomes as a set page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        core = list(
            default_language_only(OutcomePage.objects.live().public())
            .filter(kind=OutcomePage.CORE)
            .order_by("number", "path")
        )
        # A translation's connections were copied from the English page's: they name the
        # English outcomes, shown in the reader's language where translated.
        connections = list(self.connections.select_related("from_outcome", "to_outcome"))
        for connection in connections:
            connection.to_outcome = connection.to_outcome.localized
        shown = []
        for outcome in core:
            localized = outcome.localized
            localized.connections_out = [c for c in connections if c.from_outcome_id == outcome.pk]
            shown.append(localized)
        context["core_outcomes"] = shown
        return context

    def get_meta_description(self) -> str:
        return self.search_description or self.intro


class OutcomeConnection(Orderable):
    page = ParentalKey(OutcomeSetPage, on_delete=models.CASCADE, related_name="connections")
    from_outcome = models.ForeignKey(
        OutcomePage, verbose_name=_("outcome"), on_delete=models.CASCADE, related_name="+"
    )
    to_outcome = models.ForeignKey(
        OutcomePage, verbose_name=_("connects to"), on_delete=models.CASCADE, related_name="+"
    )
    how = models.TextField(
        _("how they connect"),
        help_text=_(
            "One or two sentences, e.g. 'A stable home makes it possible to keep going to college.'"
        ),
    )

    panels = [FieldPanel("from_outcome"), FieldPanel("to_outcome"), FieldPanel("how")]

    def clean(self) -> None:
        if self.from_outcome_id and self.from_outcome_id == self.to_outcome_id:
            raise ValidationError({"to_outcome": _("Choose a different outcome to connect to.")})


class LongListPage(SitePage):
    """The long-list: the ten domains with their outcomes, filterable without JavaScript."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["outcomes.OutcomeIndexPage"]
    subpage_types: list[str] = []
    max_count = 1

    is_section_guide = True

    class Meta:
        verbose_name = _("long-list page")

    def get_context(self, request, *args, **kwargs):
        from mscos.outcomes import selectors

        context = super().get_context(request, *args, **kwargs)
        text = request.GET.get("q", "").strip()[:100]
        context["selected_domain"] = int_param(request.GET, "domain", minimum=0)
        context["query"] = text
        context["all_domains"] = Domain.objects.all()
        context["domains"] = selectors.long_list(domain_id=context["selected_domain"], text=text)
        context["match_count"] = sum(len(d.matching) for d in context["domains"])
        return context

    def get_meta_description(self) -> str:
        return self.search_description or self.intro


@register_setting(icon="pick")
class FocusSettings(BaseSiteSetting):
    """This week's focus: the outcome (or other page) the home page puts first."""

    focus_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("focus of the week"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Usually a core outcome page. Leave empty for no focus."),
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("One line on why, e.g. 'With the Victim Navigator programme'."),
    )

    panels = [FieldPanel("focus_page"), FieldPanel("note")]

    class Meta:
        verbose_name = _("Focus of the week")
