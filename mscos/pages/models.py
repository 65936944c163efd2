"""The home page and plain standard pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from mscos.core.blocks import ContentStreamBlock
from mscos.core.models import SitePage
from mscos.core.translated_pages import in_reader_language


class HomePage(SitePage):
    """The front door: what the Community of Practice is, with the forums one click away."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))
    featured_section = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("featured section"),
        help_text=_("Its pages are listed on the home page, e.g. the core outcomes."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updates_section = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("updates section"),
        help_text=_("The newest page in it is shown as the latest update."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("featured_section"),
        FieldPanel("updates_section"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_meta_description(self) -> str:
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Both sections in one query (the page's query count is budgeted: test_query_budget).
        sections = Page.objects.in_bulk(
            [pk for pk in (self.featured_section_id, self.updates_section_id) if pk]
        )
        self.featured_section = sections.get(self.featured_section_id)
        self.updates_section = sections.get(self.updates_section_id)
        if self.featured_section and self.featured_section.live:
            children = self.featured_section.get_children().live().public().specific()
            # Pages marked as topics (beside the core outcomes) are listed apart from the cards.
            # In the reader's language where translated (core.translated_pages).
            children = in_reader_language(children.order_by("path"))
            # Guides to a section (e.g. the long-list) are linked apart from its cards too.
            context["guide_pages"] = [c for c in children if getattr(c, "is_section_guide", False)]
            children = [c for c in children if not getattr(c, "is_section_guide", False)]
            context["featured_pages"] = [c for c in children if getattr(c, "kind", "") != "topic"]
            context["related_pages"] = [c for c in children if getattr(c, "kind", "") == "topic"]
        # Every section of the site, so those not in the editors' menu can be found too.
        context["sections"] = self.get_children().live().public().order_by("path")
        if self.updates_section and self.updates_section.live:
            latest = (
                self.updates_section.get_children()
                .live()
                .public()
                .specific()
                .order_by("-first_published_at")
                .first()
            )
            context["latest_update"] = latest.localized if latest is not None else None
        return context


class StandardPage(SitePage):
    """A page of text: about, get involved, staying safe online."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")

    def get_meta_description(self) -> str:
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.get_children().live().public().specific().order_by("path")
        return context
