"""A poster as a print-ready PDF, made on the server with WeasyPrint.

Vector text in the fonts shipped under static/posters/fonts (Noto, SIL Open Font License), embedded
by WeasyPrint; Arabic is shaped by HarfBuzz and kept in logical order in the text layer. The PDF
is cached under a digest of the HTML it is made from, so it is made again exactly when the poster,
one of its questions or the helpline block changes.

A poster must fit one sheet with nothing cut off. `poster_fit` lays it out and says whether it
does (the admin form refuses a poster that does not, in plain words); the PDF itself never spills
onto a second sheet: if a later change to the library makes a published poster too long, its type
goes under the usual minimum rather than onto page 2, and the edit page says so.
"""

import hashlib
import logging
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from mscos.core.pdf_fonts import fonts_only_fetcher
from mscos.posters.models import FORMAT_SIZES, PosterFormat, PosterPage, PosterQuestion
from mscos.posters.pictograms import pictogram_svg
from mscos.posters.qr import help_page_address, qr_svg

logger = logging.getLogger(__name__)

FONTS_DIR = Path(__file__).resolve().parent / "static" / "posters" / "fonts"
CACHE_SECONDS = 7 * 24 * 60 * 60
MINIMUM_BODY_POINTS = 17.8  # its 0.9 is 16 pt
POSTER_SIZES = (PosterFormat.A4, PosterFormat.A3, PosterFormat.LETTER)
# The smallest body type per format: the smallest line (0.9 of it) is 16 pt on a poster, as the US
# poster laws ask, 10 pt on a leaflet held in the hand, 6 pt on a sticker read from a toilet seat.
MINIMUM_POINTS: dict[str, float] = {
    **dict.fromkeys(POSTER_SIZES, MINIMUM_BODY_POINTS),
    PosterFormat.A5: 11.2,
    PosterFormat.STICKER: 6.7,
}
BLEED_MM = 3
MAX_SHRINK_STEPS = 3  # each a tenth smaller, never under the minimum
LAST_RESORT_STEPS = 8  # under the minimum, only for a published poster that no longer fits
CUT_TOLERANCE_PX = 0.5


class PosterBuildError(RuntimeError):
    """The server cannot make the poster (a library or program is missing)."""


@dataclass(frozen=True)
class PosterFit:
    """How a poster lays out: on how many sheets, and whether a line runs past the sheet's edge."""

    sheets: int
    cut: bool
    points: float  # the body type size it was laid out in

    @property
    def fits(self) -> bool:
        return self.sheets == 1 and not self.cut


def _helpline():
    from wagtail.models import Site

    from mscos.core.models import SafetySettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return SafetySettings()
    return SafetySettings.for_site(site)


def body_points(page: PosterPage, *, shrink: int = 0, floor: bool = True) -> float:
    """The body type size: smaller when languages share the sheet and with each `shrink` step, but
    never under the format's minimum unless `floor` is off (the last resort for a published
    poster that a later change made too long)."""
    _width, _height, full_size = FORMAT_SIZES[page.poster_format]
    scale = {1: 1.0, 2: 0.72, 3: 0.68}.get(len(page.poster_languages), 0.68)
    points = full_size * scale * 0.9**shrink
    if floor:
        points = max(points, MINIMUM_POINTS[page.poster_format])
    return points


def poster_html(
    page: PosterPage,
    *,
    points: float | None = None,
    bleed: bool = False,
    questions: Sequence[PosterQuestion] | None = None,
) -> str:
    """The poster as HTML, in `points` type (the format's own size when None); `bleed` adds
    3 mm of bleed and crop marks for a print shop; `questions` replaces the saved ones (the admin
    form checks a poster before it is saved)."""
    width, height, _points = FORMAT_SIZES[page.poster_format]
    if points is None:
        points = body_points(page)
    languages = page.poster_languages
    if questions is None:
        questions = page.chosen_questions
    safety = _helpline()
    sections = [
        {
            "language": language,
            "questions": [
                {
                    "text": question.in_language(language.code),
                    "pictogram": mark_safe(pictogram_svg(question.pictogram, points * 0.6)),  # noqa: S308  # nosec B308 B703 (our drawing)
                }
                for question in questions
            ],
            # A no-break space keeps the number with the word before it.
            "emergency": language.emergency.replace(" {number}", "\u00a0{number}").format(
                number=safety.emergency_number
            ),
        }
        for language in languages
    ]
    first = languages[0].code if languages else "en"
    qr_mm = min(width, height) * 0.17
    return render_to_string(
        "posters/poster_pdf.html",
        {
            "page": page,
            "width": width,
            "height": height,
            "points": f"{points:.3f}",
            "bleed_mm": BLEED_MM if bleed else 0,
            "is_sticker": page.poster_format == PosterFormat.STICKER,
            "sections": sections,
            "first_language": first,
            "safety": safety,
            "qr": mark_safe(qr_svg(help_page_address(first), qr_mm)),  # noqa: S308  # nosec B308 B703 (our drawing)
            "qr_column_mm": qr_mm * 1.6,
            "fonts_url": FONTS_DIR.as_uri(),
        },
    )


def _render(html: str):
    try:
        from weasyprint import HTML
    except OSError as error:  # the Pango library is missing on this server
        raise PosterBuildError("Posters cannot be made on this server") from error
    return HTML(string=html, url_fetcher=fonts_only_fetcher(FONTS_DIR, what="a poster")).render()


def _text_is_cut(document) -> bool:
    """Whether a line of text runs past the sheet's printable area (a long word, the number)."""
    from weasyprint.formatting_structure import boxes

    for page in document.pages:
        sheet = page._page_box
        left, top = sheet.content_box_x(), sheet.content_box_y()
        right, bottom = left + sheet.width, top + sheet.height
        for box in sheet.descendants():
            if not isinstance(box, boxes.TextBox) or not box.text.strip():
                continue
            if (
                box.position_x < left - CUT_TOLERANCE_PX
                or box.position_x + box.width > right + CUT_TOLERANCE_PX
                or box.position_y + box.height > bottom + CUT_TOLERANCE_PX
            ):
                return True
    return False


def _layouts(page: PosterPage, *, bleed: bool, questions, last_resort: bool):
    """Lays the poster out in smaller type step by step; yields each (document, fit)."""
    tried = set()
    steps = MAX_SHRINK_STEPS + (LAST_RESORT_STEPS if last_resort else 0)
    for shrink in range(steps + 1):
        points = body_points(page, shrink=shrink, floor=shrink <= MAX_SHRINK_STEPS)
        if round(points, 3) in tried:  # already at the minimum: the same layout again
            continue
        tried.add(round(points, 3))
        document = _render(poster_html(page, points=points, bleed=bleed, questions=questions))
        fit = PosterFit(sheets=len(document.pages), cut=_text_is_cut(document), points=points)
        yield document, fit
        if fit.fits:
            return


def _last_layout(page: PosterPage, **options):
    """The first layout that fits, or the one in the smallest type tried."""
    return deque(_layouts(page, **options), maxlen=1)[0]


def poster_fit(page: PosterPage, *, questions: Sequence[PosterQuestion] | None = None) -> PosterFit:
    """How the poster lays out at the smallest type it is allowed (cached like the PDF)."""
    digest = hashlib.sha256(poster_html(page, questions=questions).encode()).hexdigest()
    cache_key = f"posters:fit:{digest}"
    fit = cache.get(cache_key)
    if fit is None:
        _document, fit = _last_layout(page, bleed=False, questions=questions, last_resort=False)
        cache.set(cache_key, fit, CACHE_SECONDS)
    return fit


def poster_digest(page: PosterPage, *, bleed: bool = False) -> tuple[str, str]:
    html = poster_html(page, bleed=bleed)
    return hashlib.sha256(html.encode()).hexdigest(), html


def build_pdf(page: PosterPage, *, bleed: bool = False) -> bytes:
    """The poster on one sheet: the largest type that fits; never a second page."""
    document, fit = _last_layout(page, bleed=bleed, questions=None, last_resort=True)
    if not fit.fits:
        logger.error("Poster %s does not fit one sheet even in small type", page.pk)
    elif fit.points < body_points(page, shrink=MAX_SHRINK_STEPS):
        logger.warning("Poster %s fits one sheet only under the minimum type size", page.pk)
    if len(document.pages) > 1:
        document = document.copy(document.pages[:1])
    return document.write_pdf()


def poster_pdf(page: PosterPage, *, bleed: bool = False) -> bytes:
    """The poster's PDF, from the cache while nothing on it has changed; `bleed` is the
    print-shop version (3 mm bleed and crop marks)."""
    digest, _html = poster_digest(page, bleed=bleed)
    cache_key = f"posters:pdf:{digest}"
    content = cache.get(cache_key)
    if content is None:
        content = build_pdf(page, bleed=bleed)
        cache.set(cache_key, content, CACHE_SECONDS)
    return content
