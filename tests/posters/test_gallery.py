"""The gallery at /posters/ and the help page a QR code opens: anyone, no account, no cookie."""

import pytest
from django.contrib.staticfiles import finders

from mscos.posters.models import PosterPage

pytestmark = pytest.mark.django_db


def titles(response) -> set[str]:
    return {poster.title for poster in response.context["posters"]}


def test_the_gallery_lists_every_poster_and_sets_no_cookie(client, demo_site):
    response = client.get("/posters/")
    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    html = response.content.decode()
    for poster in PosterPage.objects.live():
        assert poster.title in html
        assert f"{poster.url}pdf/?download=1" in html
        assert f'src="{poster.url}preview/"' in html
    assert "<script" not in html.split("<main", 1)[-1].split("</main>", 1)[0]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "language=ar",
            {
                "Kitchens and fast food (A4, Arabic and English)",
                "Public toilets (A3, Tigrinya, Arabic and English)",
            },
        ),
        ("format=sticker", {"Toilet door sticker (English)"}),
        ("sector=agriculture&language=bg", {"Farms and packhouses (A3, Bulgarian and Polish)"}),
        ("sector=care&language=ar", set()),
    ],
)
def test_the_gallery_filters_without_javascript(client, demo_site, query, expected):
    response = client.get(f"/posters/?{query}")
    assert titles(response) == expected
    assert not response.cookies


def test_a_made_up_filter_shows_every_poster_rather_than_an_error(client, demo_site):
    response = client.get("/posters/?sector=<script>&format=huge&language=xx")
    assert response.status_code == 200
    assert len(titles(response)) == PosterPage.objects.live().count()


def test_anyone_downloads_the_pdf_and_the_preview_without_a_cookie(client, demo_site):
    poster = PosterPage.objects.get(slug="nail-bar-a4-vietnamese-english")
    download = client.get(f"{poster.url}pdf/?download=1")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download.content.startswith(b"%PDF")
    preview = client.get(f"{poster.url}preview/")
    assert preview["Content-Type"] == "image/png"
    assert preview.content.startswith(b"\x89PNG")
    assert not download.cookies and not preview.cookies


def test_the_help_page_is_in_the_poster_language_first_and_light(client, demo_site):
    response = client.get("/posters/help/ar/")
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'href="tel:08000121700"' in html
    # The emergency number is a link inside the sentence, said once.
    assert 'في حالة الطوارئ اتصل بالرقم <a href="tel:999">999</a>.' in html
    assert html.count("999") == 1 + html.count('"tel:999"')
    assert 'href="/exit/"' in html
    assert "هل يهددك صاحب العمل؟" in html
    assert "<script" not in html
    for code in ["en", "ro", "sq", "pl", "bg", "vi", "ti"]:
        assert f'href="/posters/help/{code}/"' in html
    style_sheet = finders.find("posters/help.css")
    with open(style_sheet, "rb") as sheet:
        assert len(response.content) + len(sheet.read()) < 30 * 1024


def test_an_unknown_help_language_is_not_found(client, demo_site):
    assert client.get("/posters/help/xx/").status_code == 404
