"""Documents (papers, presentations, reports) tagged with the outcomes they speak to."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from mscos.core.models import SitePage
from mscos.core.query_params import int_param


class Resource(index.Indexed, ClusterableModel):
    """A paper, presentation, report or other document, uploaded or linked."""

    PAPER = "paper"
    PRESENTATION = "presentation"
    REPORT = "report"
    STUDY_DOCUMENT = "study"
    OTHER = "other"
    KIND_CHOICES = [
        (PAPER, _("Paper")),
        (PRESENTATION, _("Presentation")),
        (REPORT, _("Report")),
        (STUDY_DOCUMENT, _("Study document")),
        (OTHER, _("Other")),
    ]

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES, default=PAPER)
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences on what it covers.")
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Upload the file here (PDF preferred), or give a link below."),
    )
    link = models.URLField(
        _("link"), blank=True, help_text=_("Where it is published, if it is not uploaded here.")
    )
    authors = models.CharField(_("authors"), max_length=255, blank=True)
    published = models.DateField(_("date published"), null=True, blank=True)
    outcomes = ParentalManyToManyField(
        "outcomes.OutcomePage",
        verbose_name=_("outcomes"),
        blank=True,
        related_name="resources",
        help_text=_("Shown on each of these outcome pages."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("document"),
        FieldPanel("link"),
        FieldPanel("authors"),
        FieldPanel("published"),
        FieldPanel("outcomes"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.SearchField("authors"),
    ]

    class Meta:
        ordering = ["-published", "title"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def __str__(self) -> str:
        return self.title

    @property
    def url(self) -> str:
        if self.document is not None:
            return self.document.url
        return self.link

    @property
    def file_extension(self) -> str:
        return self.document.file_extension.upper() if self.document is not None else ""


class ResourceIndexPage(SitePage):
    """Lists every resource, with filters by outcome and kind."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("resources page")

    def get_context(self, request, *args, **kwargs):
        from mscos.resources import selectors

        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind", "")
        context["selected_outcome"] = int_param(request.GET, "outcome", minimum=0)
        context["selected_kind"] = kind if kind in dict(Resource.KIND_CHOICES) else ""
        context["resources"] = selectors.resources(
            outcome=context["selected_outcome"], kind=context["selected_kind"]
        )
        context["outcome_choices"] = selectors.resource_outcomes()
        context["kind_choices"] = Resource.KIND_CHOICES
        return context
