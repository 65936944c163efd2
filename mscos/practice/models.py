"""The practice library (one page per example) and recommendations (a snippet editors approve).

Both point at outcome pages by the model's name, not by import: outcome pages sit one layer above
and show what points at them (see docs/architecture.md, layers).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from mscos.core.blocks import RICH_TEXT_FEATURES, ContentStreamBlock
from mscos.core.models import SitePage
from mscos.core.translated_pages import original

OUTCOME_PAGE_MODEL = "outcomes.OutcomePage"


class Country(models.Model):
    """A country where practice takes place; one list, so the library's filter stays tidy."""

    name = models.CharField(_("name"), max_length=80, unique=True)

    panels = [FieldPanel("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name


class PracticeIndexPage(SitePage):
    """The practice library: every example, filterable by outcome, country and organisation."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = ["practice.PracticeExamplePage"]
    max_count = 1

    class Meta:
        verbose_name = _("practice library")

    def get_context(self, request, *args, **kwargs):
        from mscos.practice import selectors

        context = super().get_context(request, *args, **kwargs)
        # A translated library has only the examples translated so far: list the English
        # library's, each in the reader's language where translated (core.translated_pages).
        section = original(self)
        translated_into = self.locale_id if section.locale_id != self.locale_id else None
        filters = selectors.PracticeFilters.from_query(request.GET)
        context["filters"] = filters
        context["examples"] = selectors.practice_examples(
            parent=section, filters=filters, translated_into=translated_into
        )
        context["choices"] = selectors.practice_filter_choices(parent=section)
        return context


class PracticeExamplePage(SitePage):
    """One example of practice: who does it, where, for which outcomes, and what it achieved."""

    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        help_text=_("Who runs it, e.g. 'Justice and Care with the Metropolitan Police Service'."),
    )
    countries = ParentalManyToManyField(
        Country, verbose_name=_("countries"), blank=True, related_name="practice_examples"
    )
    outcomes = ParentalManyToManyField(
        OUTCOME_PAGE_MODEL,
        verbose_name=_("outcomes it serves"),
        blank=True,
        related_name="practice_examples",
        help_text=_("The example is shown on each of these outcome pages."),
    )
    summary = models.TextField(
        _("summary"), help_text=_("Two or three plain sentences: what happens, for whom.")
    )
    results = models.TextField(
        _("reported results"),
        blank=True,
        help_text=_("One result per line, e.g. 'Prosecutions rose from 33% to 83%'."),
    )
    period = models.CharField(
        _("period"), max_length=100, blank=True, help_text=_("e.g. 'Since January 2021'.")
    )
    link = models.URLField(_("link"), blank=True, help_text=_("Its own website, if it has one."))
    contact = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_("A public contact route, e.g. an organisation's enquiries address."),
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("more about it"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("organisation"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("outcomes"), FieldPanel("countries"), FieldPanel("period")],
            heading=_("Where and for what"),
        ),
        FieldPanel("results"),
        MultiFieldPanel([FieldPanel("link"), FieldPanel("contact")], heading=_("Finding out more")),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("organisation"),
        index.SearchField("summary"),
        index.SearchField("results"),
        index.SearchField("body"),
        index.FilterField("organisation"),
    ]
    parent_page_types = ["practice.PracticeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("practice example")
        verbose_name_plural = _("practice examples")

    @property
    def result_lines(self) -> list[str]:
        return [line.strip() for line in self.results.splitlines() if line.strip()]

    def get_meta_description(self) -> str:
        return self.search_description or self.summary


class Recommendation(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """Advice for the Community of Practice, e.g. from the Research Advisory Board."""

    RESEARCH_ADVISORY_BOARD = "rab"
    PROJECT_TEAM = "team"
    STEERING_COMMITTEE = "steering"
    PRACTITIONERS = "practitioners"
    SOURCE_CHOICES = [
        (RESEARCH_ADVISORY_BOARD, _("Research Advisory Board")),
        (PROJECT_TEAM, _("Project team")),
        (STEERING_COMMITTEE, _("Expert steering committee")),
        (PRACTITIONERS, _("Practitioners")),
    ]

    title = models.CharField(_("title"), max_length=200)
    body = RichTextField(_("recommendation"), features=RICH_TEXT_FEATURES)
    source = models.CharField(
        _("source"), max_length=20, choices=SOURCE_CHOICES, default=RESEARCH_ADVISORY_BOARD
    )
    source_detail = models.CharField(
        _("source in more detail"),
        max_length=200,
        blank=True,
        help_text=_("e.g. 'Some members of the RAB, speaking with Rachel Witkin'."),
    )
    outcomes = ParentalManyToManyField(
        OUTCOME_PAGE_MODEL,
        verbose_name=_("outcomes"),
        blank=True,
        related_name="recommendations",
        help_text=_("Shown on each of these outcome pages."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="recommendation")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="recommendation",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("source"), FieldPanel("source_detail")], heading=_("Source")),
        FieldPanel("outcomes"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("body"),
        index.SearchField("source_detail"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "practice/recommendation_preview.html"
