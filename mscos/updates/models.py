"""Weekly updates: an archive section and one page per update, with its contributors."""

import itertools

from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from mscos.core.models import SitePage
from mscos.core.translated_pages import in_reader_language
from mscos.updates.blocks import UpdateStreamBlock


class UpdateIndexPage(SitePage):
    """The archive of updates, newest first, grouped by year, filterable by outcome."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["updates.UpdatePage"]
    max_count = 1

    class Meta:
        verbose_name = _("updates archive")

    def get_context(self, request, *args, **kwargs):
        from mscos.updates import selectors

        context = super().get_context(request, *args, **kwargs)
        outcomes = selectors.focus_outcomes_in_use(self)
        chosen = request.GET.get("outcome", "")
        chosen_outcome = next((o for o in outcomes if o.slug == chosen), None)
        updates = selectors.published_updates(self, outcome=chosen_outcome)
        context["outcomes"] = outcomes
        context["chosen_outcome"] = chosen_outcome
        context["updates_by_year"] = [
            (year, in_reader_language(items))
            for year, items in itertools.groupby(updates, lambda u: u.date.year)
        ]
        return context


class UpdatePage(RoutablePageMixin, SitePage):
    """One update ("Week 22", "Update 24"), with its focus, blocks, contributors and a PDF."""

    label = models.CharField(
        _("label"),
        max_length=30,
        help_text=_('The word and the number readers know it by, e.g. "Week 22" or "Update 24".'),
    )
    date = models.DateField(_("date"))
    greeting = models.TextField(
        _("greeting"), blank=True, help_text=_("A line or two to open the update.")
    )
    summary = models.TextField(_("summary"), help_text=_("A few plain sentences for the archive."))
    focus_outcomes = ParentalManyToManyField(
        "outcomes.OutcomePage",
        verbose_name=_("focus outcomes"),
        blank=True,
        related_name="+",
        help_text=_("The core outcomes this update looks at."),
    )
    focus_theme = models.CharField(
        _("focus theme"),
        max_length=120,
        blank=True,
        help_text=_("Or a theme, when the update is not about one outcome."),
    )
    body = StreamField(UpdateStreamBlock(), blank=True, verbose_name=_("body"))
    editors_credit = models.TextField(
        _("editors' credit"),
        blank=True,
        help_text=_("Who directed the content of this update, e.g. the co-directors."),
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("full version as PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty and the site makes the PDF from this page."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("label"), FieldPanel("date"), FieldPanel("summary")],
            heading=_("In the archive"),
        ),
        MultiFieldPanel(
            [FieldPanel("focus_outcomes"), FieldPanel("focus_theme")], heading=_("Focus")
        ),
        FieldPanel("greeting"),
        FieldPanel("body"),
        InlinePanel("contributors", label=_("Contributors")),
        FieldPanel("editors_credit"),
        FieldPanel("pdf"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("label"),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["updates.UpdateIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("update")

    @cached_property  # asked twice where it is shown ("is there one?", then the words)
    def focus_label(self) -> str:
        titles = [outcome.title for outcome in self.focus_outcomes.all()]
        if self.focus_theme:
            titles.append(self.focus_theme)
        return "; ".join(titles)

    def pdf_size(self) -> int | None:
        """Bytes of the PDF behind the page's PDF link, so the link can say how big it is: the
        uploaded file's, or the generated one's (made now and cached, as the link would make it).
        None when it cannot be made."""
        if self.pdf is not None:
            return self.pdf.get_file_size()
        from mscos.updates.pdf import update_pdf

        try:
            return len(update_pdf(self))
        except RuntimeError:
            return None

    @path("pdf/")
    def pdf_version(self, request):
        if self.pdf_id:
            return redirect(self.pdf.url)
        from mscos.updates.pdf import update_pdf

        try:
            content = update_pdf(self)
        except RuntimeError as error:
            raise Http404(str(error)) from error
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.slug}.pdf"'
        return response


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
