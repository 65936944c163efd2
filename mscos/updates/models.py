"""Weekly updates: an archive section and one page per update, with its contributors."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from mscos.core.blocks import BaseStreamBlock


class UpdateIndexPage(Page):
    """The archive of updates, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["updates.UpdatePage"]
    max_count = 1

    class Meta:
        verbose_name = _("updates archive")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["updates"] = (
            UpdatePage.objects.child_of(self)
            .live()
            .public()
            .select_related("focus_outcome")
            .order_by("-date", "-pk")
        )
        return context


class UpdatePage(Page):
    """One update ("Week 22", "Update 24"), with its focus outcome and contributors."""

    label = models.CharField(
        _("number"), max_length=30, help_text=_('e.g. "Week 22" or "Update 24"')
    )
    date = models.DateField(_("date"))
    summary = models.TextField(_("summary"), help_text=_("A few plain sentences for the archive."))
    focus_outcome = models.ForeignKey(
        "outcomes.OutcomePage",
        verbose_name=_("focus outcome"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("label"),
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("focus_outcome"),
        FieldPanel("body"),
        InlinePanel("contributors", label=_("Contributors")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["updates.UpdateIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("update")


class UpdateContributor(Orderable):
    update = ParentalKey(UpdatePage, on_delete=models.CASCADE, related_name="contributors")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=160, blank=True)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    is_rab_member = models.BooleanField(_("Research Advisory Board member"), default=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("is_rab_member"),
    ]

    def __str__(self) -> str:
        return self.name
