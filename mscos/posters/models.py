# ruff: noqa: RUF001, RUF003 (Cyrillic letters and the × sign are meant)
"""Help posters: the gallery, one page per poster, and the library of plain questions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page

from mscos.core.models import SitePage
from mscos.posters.forms import PosterPageForm
from mscos.posters.panels import PosterFitPanel
from mscos.posters.pictograms import PICTOGRAM_CHOICES
from mscos.posters.wording import LANGUAGE_CHOICES, LANGUAGES


class Sector(models.TextChoices):
    HOSPITALITY = "hospitality", _("Hospitality and fast food")
    RETAIL = "retail", _("Retail")
    CAR_WASH = "car-wash", _("Car washes")
    NAIL_BAR = "nail-bar", _("Nail bars")
    AGRICULTURE = "agriculture", _("Agriculture and packing")
    CONSTRUCTION = "construction", _("Construction")
    CARE = "care", _("Care work")
    TOILETS = "toilets", _("Public toilets")


class PosterFormat(models.TextChoices):
    A4 = "a4", _("A4 poster")
    A3 = "a3", _("A3 poster")
    LETTER = "letter", _("US letter poster (8.5 × 11 in)")
    A5 = "a5", _("A5 leaflet")
    STICKER = "sticker", _("Toilet door sticker (10 × 7 cm)")


# Width × height in millimetres, and the body type size in points for a one-language poster.
FORMAT_SIZES: dict[str, tuple[float, float, int]] = {
    PosterFormat.A4: (210, 297, 26),
    PosterFormat.A3: (297, 420, 36),
    PosterFormat.LETTER: (215.9, 279.4, 26),
    PosterFormat.A5: (148, 210, 15),
    PosterFormat.STICKER: (100, 70, 7),
}


class PosterQuestion(ClusterableModel):
    """One plain question from the reviewed library, in English with its translations."""

    sector = models.CharField(
        _("sector"),
        max_length=20,
        choices=Sector.choices,
        blank=True,
        help_text=_("Leave empty for a question that fits every sector."),
    )
    text = models.CharField(_("question in English"), max_length=160)
    pictogram = models.CharField(
        _("pictogram"), max_length=20, choices=PICTOGRAM_CHOICES, default="warning"
    )
    reviewed = models.BooleanField(
        _("reviewed"),
        default=False,
        help_text=_("Tick once someone with lived experience has read the question."),
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("sector"),
        FieldPanel("pictogram"),
        FieldPanel("reviewed"),
        InlinePanel("translations", label=_("Translations")),
    ]

    class Meta:
        verbose_name = _("poster question")
        verbose_name_plural = _("poster questions")
        ordering = ["sector", "text"]

    def __str__(self) -> str:
        return self.text

    def in_language(self, code: str) -> str:
        """The question in that poster language, English when nobody has translated it yet."""
        if code == "en":
            return self.text
        for translation in self.translations.all():
            if translation.language == code:
                return translation.text
        return self.text

    def has_language(self, code: str) -> bool:
        return code == "en" or any(t.language == code for t in self.translations.all())


class PosterQuestionTranslation(Orderable):
    question = ParentalKey(PosterQuestion, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES)
    text = models.CharField(_("question"), max_length=200)

    panels = [FieldPanel("language"), FieldPanel("text")]

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        unique_together = [("question", "language")]


class PosterIndexPage(SitePage):
    """The public gallery at /posters/: anyone downloads ready posters, no account, no cookie."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["posters.PosterPage"]
    max_count = 1

    class Meta:
        verbose_name = _("poster gallery")
        verbose_name_plural = _("poster galleries")

    def get_context(self, request, *args, **kwargs):
        from mscos.posters import selectors

        context = super().get_context(request, *args, **kwargs)
        chosen = {
            "sector": request.GET.get("sector", ""),
            "format": request.GET.get("format", ""),
            "language": request.GET.get("language", ""),
        }
        # An unknown value (a hand-edited address) filters nothing rather than failing.
        if chosen["sector"] not in Sector.values:
            chosen["sector"] = ""
        if chosen["format"] not in PosterFormat.values:
            chosen["format"] = ""
        if chosen["language"] not in LANGUAGES:
            chosen["language"] = ""
        context["chosen"] = chosen
        context["posters"] = selectors.gallery_posters(self, **chosen)
        context["sectors"] = Sector.choices
        context["formats"] = PosterFormat.choices
        context["languages"] = LANGUAGE_CHOICES
        return context


class PosterPage(RoutablePageMixin, SitePage):
    """One printable poster: a format, a sector, up to four questions, one to three languages."""

    poster_format = models.CharField(
        _("format"), max_length=10, choices=PosterFormat.choices, default=PosterFormat.A4
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    language = models.CharField(
        _("first language"), max_length=5, choices=LANGUAGE_CHOICES, default="en"
    )
    second_language = models.CharField(
        _("second language"), max_length=5, choices=LANGUAGE_CHOICES, blank=True
    )
    third_language = models.CharField(
        _("third language"), max_length=5, choices=LANGUAGE_CHOICES, blank=True
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Where the poster works best, for the gallery.")
    )
    print_shop_version = models.BooleanField(
        _("For a print shop: also offer a PDF with 3 mm bleed and crop marks"),
        default=False,
        help_text=_(
            "Print shops ask for bleed and crop marks when they trim posters after printing. "
            "The usual PDF, for printing at home or in an office, stays as it is."
        ),
    )

    base_form_class = PosterPageForm
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                PosterFitPanel(),
                FieldPanel("poster_format"),
                FieldPanel("sector"),
                FieldPanel("description"),
                FieldPanel("print_shop_version"),
            ],
            heading=_("Poster"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("language"),
                FieldPanel("second_language"),
                FieldPanel("third_language"),
            ],
            heading=_("Languages"),
        ),
        InlinePanel("questions", label=_("Questions"), min_num=1, max_num=4),
    ]
    parent_page_types = ["posters.PosterIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("poster")
        verbose_name_plural = _("posters")

    def clean(self):
        super().clean()
        codes = [self.language, self.second_language, self.third_language]
        chosen = [code for code in codes if code]
        if len(set(chosen)) != len(chosen):
            raise ValidationError(
                {"second_language": _("Each language can be on the poster only once.")}
            )

    @property
    def language_codes(self) -> list[str]:
        return [c for c in (self.language, self.second_language, self.third_language) if c]

    @property
    def poster_languages(self):
        return [LANGUAGES[code] for code in self.language_codes if code in LANGUAGES]

    @property
    def chosen_questions(self) -> list[PosterQuestion]:
        return [item.question for item in self.questions.all() if item.question_id][:4]

    @property
    def size_label(self) -> str:
        width, height, _points = FORMAT_SIZES[self.poster_format]
        if self.poster_format == PosterFormat.LETTER:
            return _("%(width)s × %(height)s in") % {"width": "8.5", "height": "11"}
        return _("%(width)s × %(height)s mm") % {"width": f"{width:g}", "height": f"{height:g}"}

    def _file_response(self, request, content: bytes, content_type: str, extension: str):
        response = HttpResponse(content, content_type=content_type)
        disposition = "attachment" if request.GET.get("download") else "inline"
        response["Content-Disposition"] = f'{disposition}; filename="{self.slug}.{extension}"'
        return response

    @path("pdf/")
    def pdf_file(self, request):
        return self._pdf_response(request, bleed=False)

    @path("pdf/print-shop/")
    def print_shop_pdf_file(self, request):
        if not self.print_shop_version:
            raise Http404("This poster has no print-shop version")
        return self._pdf_response(request, bleed=True)

    def _pdf_response(self, request, *, bleed: bool):
        from mscos.posters.pdf import PosterBuildError, poster_pdf

        try:
            content = poster_pdf(self, bleed=bleed)
        except PosterBuildError as error:
            raise Http404(str(error)) from error
        extension = "print-shop.pdf" if bleed else "pdf"
        return self._file_response(request, content, "application/pdf", extension)

    @path("preview/")
    def preview_file(self, request):
        from mscos.posters.pdf import PosterBuildError
        from mscos.posters.preview import poster_png

        try:
            content = poster_png(self)
        except PosterBuildError as error:
            raise Http404(str(error)) from error
        return self._file_response(request, content, "image/png", "png")


class PosterPageQuestion(Orderable):
    page = ParentalKey(PosterPage, on_delete=models.CASCADE, related_name="questions")
    question = models.ForeignKey(
        PosterQuestion, verbose_name=_("question"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("question on the poster")
        verbose_name_plural = _("questions on the poster")
