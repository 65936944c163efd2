"""The print-shop version of a poster: an editor's choice per poster that adds 3 mm of bleed and
crop marks. Its trim box is the poster's own size, its bleed and media boxes 3 mm larger on every
side, and the marks are drawn in that margin; the usual PDF has no bleed at all."""

import io

import pytest
from PIL import Image
from pypdf import PdfReader

from mscos.posters.models import PosterPage
from mscos.posters.preview import pdf_to_png
from tests.posters.tools import ARTIFACTS, require

pytestmark = pytest.mark.django_db

MM = 72 / 25.4  # PDF points per millimetre
A3 = (297 * MM, 420 * MM)
BLEED = 3 * MM


def box(page, name) -> list[float]:
    return [float(value) for value in page[name]]


def test_the_print_shop_pdf_has_3mm_bleed_and_crop_marks(client, demo_site):
    require("pdftoppm", "poppler-utils")
    poster = PosterPage.objects.get(slug="toilets-a3-tigrinya-arabic-english")
    assert poster.print_shop_version
    response = client.get(f"{poster.url}pdf/print-shop/?download=1")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="toilets-a3-tigrinya-arabic-english.print-shop.pdf"'
    )
    assert not response.cookies
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    width, height = A3
    assert box(page, "/TrimBox") == pytest.approx([0, 0, width, height], abs=0.01)
    bleed = [-BLEED, -BLEED, width + BLEED, height + BLEED]
    assert box(page, "/BleedBox") == pytest.approx(bleed, abs=0.01)
    assert box(page, "/MediaBox") == pytest.approx(bleed, abs=0.01)
    assert "08000 121 700" in page.extract_text()

    # The crop marks: dark lines in the bleed margin beside each corner of the trimmed sheet,
    # where the usual poster (white paper, a border well inside the edge) has nothing.
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    png = pdf_to_png(response.content, dpi=100)
    (ARTIFACTS / "toilets-a3-tigrinya-arabic-english.print-shop.png").write_bytes(png)
    picture = Image.open(io.BytesIO(png)).convert("L")
    margin = round(3 / 25.4 * 100)  # 3 mm at 100 dpi
    w, h = picture.size
    corners = {
        "top left": (0, 0),
        "top right": (w - margin, 0),
        "bottom left": (0, h - margin),
        "bottom right": (w - margin, h - margin),
    }
    for name, (x, y) in corners.items():
        strip = picture.crop((x, y, x + margin, y + margin))
        assert strip.getextrema()[0] < 128, f"no crop mark at the {name} corner"


def test_the_usual_pdf_has_no_bleed(client, demo_site):
    poster = PosterPage.objects.get(slug="toilets-a3-tigrinya-arabic-english")
    response = client.get(f"{poster.url}pdf/")
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    width, height = A3
    for name in ("/MediaBox", "/TrimBox", "/BleedBox"):
        assert box(page, name) == pytest.approx([0, 0, width, height], abs=0.01), name


def test_a_poster_without_the_choice_has_no_print_shop_pdf(client, demo_site):
    poster = PosterPage.objects.get(slug="hospitality-a4-english")
    assert not poster.print_shop_version
    assert client.get(f"{poster.url}pdf/print-shop/").status_code == 404


def test_the_gallery_offers_the_print_shop_pdf_only_where_the_editor_chose_it(client, demo_site):
    html = client.get("/posters/").content.decode()
    for poster in PosterPage.objects.live().specific():
        link = f"{poster.url}pdf/print-shop/?download=1"
        assert (link in html) == poster.print_shop_version, poster.slug
    assert "PDF for a print shop (3 mm bleed and crop marks)" in html
    poster = PosterPage.objects.get(slug="car-wash-a3-romanian-english")
    page = client.get(poster.url)
    assert page.status_code == 200
    assert f"{poster.url}pdf/print-shop/?download=1" in page.content.decode()
