# ruff: noqa: RUF001, RUF003 (the × sign is meant)
"""A poster never spills onto a second sheet. The admin form lays the poster out before it is
saved and tells the editor, in plain words, when the chosen languages and questions do not fit
(or a word would be cut off at the edge); a published poster that a later change to the library
made too long still comes out on one sheet, and its edit page says what happened."""

import io
import re

import pytest
from django.test import Client
from pypdf import PdfReader
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from mscos.posters.models import PosterIndexPage, PosterPage, PosterQuestion
from mscos.posters.pdf import poster_fit, poster_pdf

pytestmark = pytest.mark.django_db

DOES_NOT_FIT = "The poster does not fit on one sheet of this format"
CUT_OFF = "Some words on the poster would be cut off at the edge of the sheet"
# Four of the longest questions in the library, each translated into every poster language.
LONG_QUESTIONS = [
    "Does someone else hold your passport or ID?",
    "Does someone else keep the money you earn?",
    "Do you have to stay with your employer?",
    "Is someone stopping you from seeing friends or family?",
]


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def poster_form(*, title, slug, poster_format, languages, questions, action, existing=()):
    codes = [*languages, "", ""][:3]
    items = [{"question": str(q.pk)} for q in questions]
    for item, link in zip(items, existing, strict=False):
        item["id"] = str(link.pk)
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "poster_format": poster_format,
            "sector": "toilets",
            "description": "",
            "language": codes[0],
            "second_language": codes[1],
            "third_language": codes[2],
            "questions": inline_formset(items, initial=len(existing), min=1, max=4),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            action: "on",
        }
    )


def questions(*texts) -> list[PosterQuestion]:
    found = {q.text: q for q in PosterQuestion.objects.filter(text__in=texts)}
    return [found[text] for text in texts]


def page_text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_admin_tells_an_editor_a_sticker_cannot_hold_three_languages_and_four_questions(
    demo_site, editor
):
    gallery = PosterIndexPage.objects.get()
    client = signed_in(editor)
    response = client.post(
        f"/admin/pages/add/posters/posterpage/{gallery.pk}/",
        poster_form(
            title="Too much for a sticker",
            slug="too-much-sticker",
            poster_format="sticker",
            languages=["ti", "ar", "en"],
            questions=questions(*LONG_QUESTIONS),
            action="action-submit",
        ),
    )
    assert response.status_code == 200
    text = page_text(response)
    assert (
        "The poster does not fit on one sheet of this format (Toilet door sticker (10 × 7 cm)): "
        "with these languages and questions it would run onto a second sheet"
    ) in text
    assert "Choose fewer questions or languages, or a bigger format, then save again." in text
    assert not PosterPage.objects.filter(slug="too-much-sticker").exists()

    # The same choice on an A3 poster fits, and goes to the approvers.
    response = client.post(
        f"/admin/pages/add/posters/posterpage/{gallery.pk}/",
        poster_form(
            title="Enough room on A3",
            slug="enough-room-a3",
            poster_format="a3",
            languages=["ti", "ar", "en"],
            questions=questions(*LONG_QUESTIONS),
            action="action-submit",
        ),
    )
    assert response.status_code == 302, page_text(response)[:2000]
    poster = PosterPage.objects.get(slug="enough-room-a3")
    assert not poster.live
    assert poster.workflow_in_progress


def test_changing_a_published_poster_to_a_format_too_small_is_refused(demo_site, editor):
    poster = PosterPage.objects.get(slug="toilets-a3-tigrinya-arabic-english")
    links = list(poster.questions.all())
    before = poster.get_latest_revision().pk
    response = signed_in(editor).post(
        f"/admin/pages/{poster.pk}/edit/",
        poster_form(
            title=poster.title,
            slug=poster.slug,
            poster_format="sticker",
            languages=poster.language_codes,
            questions=[link.question for link in links],
            existing=links,
            action="action-submit",
        ),
    )
    assert response.status_code == 200
    assert DOES_NOT_FIT in page_text(response)
    poster.refresh_from_db()
    assert poster.get_latest_revision().pk == before
    assert poster.poster_format == "a3"


def test_a_word_too_long_for_the_width_is_reported_as_cut_off(demo_site, editor):
    question = PosterQuestion.objects.create(
        text="Are you " + "overworked" * 14 + "?", sector="toilets", pictogram="clock"
    )
    gallery = PosterIndexPage.objects.get()
    response = signed_in(editor).post(
        f"/admin/pages/add/posters/posterpage/{gallery.pk}/",
        poster_form(
            title="A long word",
            slug="a-long-word",
            poster_format="sticker",
            languages=["en"],
            questions=[question],
            action="action-submit",
        ),
    )
    assert response.status_code == 200
    assert CUT_OFF in page_text(response)
    assert not PosterPage.objects.filter(slug="a-long-word").exists()


def test_a_published_poster_made_too_long_later_still_prints_on_one_sheet(demo_site, editor):
    # The library is edited after the poster was approved: the translations grow much longer.
    poster = PosterPage.objects.get(slug="toilets-sticker-english")
    poster.third_language = ""
    poster.language, poster.second_language = "en", "ar"
    for question in questions(*LONG_QUESTIONS[:3]):
        poster.questions.create(question=question)
    poster.save_revision().publish()  # as a later library change would leave it
    poster = PosterPage.objects.get(pk=poster.pk)
    fit = poster_fit(poster)
    assert not fit.fits
    reader = PdfReader(io.BytesIO(poster_pdf(poster)))
    assert len(reader.pages) == 1
    text = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    for question in poster.chosen_questions:
        assert question.text in text
        assert question.in_language("ar") in text
    assert "08000 121 700" in text
    edit_page = page_text(signed_in(editor).get(f"/admin/pages/{poster.pk}/edit/"))
    assert DOES_NOT_FIT in edit_page
    assert "the PDF is made in smaller type so that it stays on one sheet" in edit_page


def test_a_poster_that_fits_says_so_on_its_edit_page(demo_site, editor):
    poster = PosterPage.objects.get(slug="hospitality-a4-english")
    edit_page = page_text(signed_in(editor).get(f"/admin/pages/{poster.pk}/edit/"))
    assert "The poster as saved fits on one sheet; its smallest lines are" in edit_page
    assert DOES_NOT_FIT not in edit_page


def test_the_demo_posters_all_fit(demo_site):
    for poster in PosterPage.objects.live().specific():
        assert isinstance(poster, Page)
        assert poster_fit(poster).fits, poster.slug
