"""The outcome set: its domains, the outcome pages and the section that holds them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from mscos.core.blocks import BaseStreamBlock


@register_snippet
class Domain(models.Model):
    """One of the ten domains that group the long-list of outcomes."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("domain")
        verbose_name_plural = _("domains")

    def __str__(self) -> str:
        return self.name


class OutcomeIndexPage(Page):
    """Core outcomes: how to use them as a set, and one page per outcome."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    subpage_types = ["outcomes.OutcomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("core outcomes section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = OutcomePage.objects.child_of(self).live().public().order_by("path")
        context["core_outcomes"] = [child for child in children if child.kind == OutcomePage.CORE]
        context["topic_pages"] = [child for child in children if child.kind == OutcomePage.TOPIC]
        context["domains"] = Domain.objects.all()
        return context


class OutcomePage(Page):
    """One core outcome (or a topic page beside them), with its banner and forum button."""

    CORE = "core"
    TOPIC = "topic"
    KIND_CHOICES = [(CORE, _("Core outcome")), (TOPIC, _("Topic page"))]

    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES, default=CORE)
    number = models.PositiveSmallIntegerField(_("number in the set"), null=True, blank=True)
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
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("number"),
        FieldPanel("summary"),
        FieldPanel("descriptor"),
        FieldPanel("domain"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("descriptor"),
        index.SearchField("body"),
    ]
    parent_page_types = ["outcomes.OutcomeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("outcome page")
