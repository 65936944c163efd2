"""Every demo poster as a printed sheet: one page of the right size, the fonts inside, the
helpline and every question in every language as real text (Arabic in logical order), and a QR
code that opens the help page in the poster's first language at the site's one address. The
pictures are kept in test-artifacts/posters/ for a person to look at."""

import io
import re

import pytest
from pypdf import PdfReader

from mscos.core.site_address import absolute_url
from mscos.posters import pdf as poster_pdf_module
from mscos.posters.models import FORMAT_SIZES, PosterPage, PosterQuestion
from mscos.posters.pdf import poster_pdf
from mscos.posters.preview import pdf_to_png
from tests.posters.tools import ARTIFACTS, decode_qr, require

pytestmark = pytest.mark.django_db

HELPLINE = "08000 121 700"
MM_PER_POINT = 25.4 / 72


def flat(text: str) -> str:
    """Extracted text with its line breaks as spaces: a question may wrap on the sheet."""
    return re.sub(r"\s+", " ", text)


def found(wanted: str, text: str, language: str) -> bool:
    """Whether `wanted` is in the extracted text. pypdf puts spaces inside Ge'ez words (it reads
    their wide glyph advances as gaps), so Tigrinya is compared without spaces; every other
    script must come out word for word."""
    if language == "ti":
        return re.sub(r"\s", "", wanted) in re.sub(r"\s", "", text)
    return flat(wanted) in text


@pytest.fixture
def demo_posters(demo_site) -> list[PosterPage]:
    posters = list(PosterPage.objects.live().order_by("slug"))
    assert len(posters) >= 8
    return posters


def test_the_demo_covers_the_formats_sectors_and_languages_asked_for(demo_posters):
    formats = {poster.poster_format for poster in demo_posters}
    languages = {code for poster in demo_posters for code in poster.language_codes}
    assert {"a4", "a3", "letter", "a5", "sticker"} <= formats
    assert {"en", "ro", "sq", "ar", "pl", "bg", "vi", "ti"} <= languages
    assert len({poster.sector for poster in demo_posters}) == 8


def test_every_demo_poster_is_one_sheet_with_the_helpline_and_every_question(demo_posters):
    require("pdftoppm", "poppler-utils")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for poster in demo_posters:
        content = poster_pdf(poster)
        reader = PdfReader(io.BytesIO(content))
        assert len(reader.pages) == 1, f"{poster.slug} does not fit one sheet"
        width, height, _points = FORMAT_SIZES[poster.poster_format]
        box = reader.pages[0].mediabox
        assert float(box.width) * MM_PER_POINT == pytest.approx(width, abs=0.5)
        assert float(box.height) * MM_PER_POINT == pytest.approx(height, abs=0.5)
        text = flat(reader.pages[0].extract_text())
        assert HELPLINE in text, poster.slug
        for code in poster.language_codes:
            for question in poster.chosen_questions:
                assert question.has_language(code), (poster.slug, code, question.text)
                assert found(question.in_language(code), text, code), (poster.slug, code)
        (ARTIFACTS / f"{poster.slug}.pdf").write_bytes(content)
        (ARTIFACTS / f"{poster.slug}.png").write_bytes(pdf_to_png(content, dpi=72))


def test_arabic_is_in_logical_order_in_the_text_layer(demo_site):
    poster = PosterPage.objects.get(slug="hospitality-a4-arabic-english")
    text = flat(PdfReader(io.BytesIO(poster_pdf(poster))).pages[0].extract_text())
    question = "هل يهددك صاحب العمل؟"
    assert question in text
    assert question[::-1] not in text  # visual order would read backwards


def test_the_shipped_fonts_are_embedded_for_every_script(demo_site):
    # WeasyPrint names an embedded font after its @font-face family (poster_pdf.html), which
    # loads only the Noto files in mscos/posters/static/posters/fonts/.
    poster = PosterPage.objects.get(slug="toilets-a3-tigrinya-arabic-english")
    reader = PdfReader(io.BytesIO(poster_pdf(poster)))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names, embedded = set(), []
    for reference in fonts.values():
        font = reference.get_object()
        names.add(str(font["/BaseFont"]).split("+")[-1])
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        descriptor = descriptor.get_object()
        embedded.append(any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")))
    assert all(embedded)
    assert {"Poster-Sans", "Poster-Sans-Bold", "Poster-Arabic", "Poster-Ethiopic"} <= names


@pytest.mark.parametrize(
    ("slug", "language"),
    [
        ("hospitality-a4-english", "en"),
        ("hospitality-a4-arabic-english", "ar"),
        ("toilets-a3-tigrinya-arabic-english", "ti"),
        ("toilets-sticker-english", "en"),
    ],
)
def test_the_qr_code_opens_the_help_page_in_the_first_language(demo_site, tmp_path, slug, language):
    require("pdftoppm", "poppler-utils")
    poster = PosterPage.objects.get(slug=slug)
    picture = tmp_path / "poster.png"
    picture.write_bytes(pdf_to_png(poster_pdf(poster), dpi=200))
    assert decode_qr(picture) == [absolute_url(f"/posters/help/{language}/")]


def test_the_qr_code_follows_the_site_address(demo_site, tmp_path, settings):
    require("pdftoppm", "poppler-utils")
    settings.SITE_URL = "https://posters.example.org"
    poster = PosterPage.objects.get(slug="hospitality-a4-english")
    picture = tmp_path / "poster.png"
    picture.write_bytes(pdf_to_png(poster_pdf(poster), dpi=200))
    assert decode_qr(picture) == ["https://posters.example.org/posters/help/en/"]


def test_a_poster_is_made_once_and_again_only_when_a_question_changes(demo_site, monkeypatch):
    poster = PosterPage.objects.get(slug="hospitality-a4-english")
    builds = []
    real_build = poster_pdf_module.build_pdf
    monkeypatch.setattr(
        poster_pdf_module, "build_pdf", lambda *a, **k: builds.append(1) or real_build(*a, **k)
    )
    first = poster_pdf(poster)
    assert poster_pdf(poster) == first
    assert len(builds) == 1
    question = PosterQuestion.objects.get(text="Do you sleep where you work?")
    question.text = "Do you sleep at your workplace?"
    question.save()
    changed = poster_pdf(PosterPage.objects.get(pk=poster.pk))
    assert len(builds) == 2
    assert "Do you sleep at your workplace?" in flat(
        PdfReader(io.BytesIO(changed)).pages[0].extract_text()
    )
