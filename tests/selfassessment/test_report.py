"""The report: each gap with the site's practice examples and recommendations for its outcome, on
the page and in the PDF (read back with pypdf), in English and in Arabic."""

import io

import pytest
from django.test import Client
from pypdf import PdfReader
from wagtail.models import Locale

from mscos.practice import selectors as practice_selectors
from mscos.selfassessment import selectors

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def safety(outcomes):
    return next(outcome for outcome in outcomes if outcome.number == 2)


@pytest.fixture
def report_path(send, safety):
    response = send(
        o2={
            "measured": "none",
            "barriers": ["not_safe", "time"],
            "barrier_other": "Our intake takes two hours",
            "helps": ["guidance"],
        },
        o4={"measured": "informal"},
    )
    assert response.status_code == 303
    return response["Location"]


def test_the_pdf_lists_each_gap_with_the_practice_and_recommendations_linked_to_it(
    report_path, safety, outcomes
):
    practice = practice_selectors.practice_examples_for_outcome(safety.pk)
    recommendations = practice_selectors.recommendations_for_outcome(safety.pk)
    assert practice and recommendations, "the demo has practice for the safety outcome"
    text = flat(pdf_text(Client().get(report_path + "pdf/")))
    assert "Self-assessment against the core outcome set" in text
    assert "2. Safety from any trafficker or other abuser" in text
    assert "Asking could upset people or is not safe yet" in text
    assert "Not enough staff time" in text
    assert "Our intake takes two hours" in text
    assert "Guidance on asking safely and kindly" in text
    for example in practice:
        assert flat(example.title) in text
    for recommendation in recommendations:
        assert flat(recommendation.title) in text
    # An outcome measured with a tool and nothing in the way is not a gap: no links under it.
    housing = next(o for o in outcomes if o.number == 1)
    housing_part = text.split(housing.title, 1)[1].split("2. Safety", 1)[0]
    assert "Measured with a tool, and nothing named in the way." in housing_part
    assert "Practice examples" not in housing_part


def test_the_pdf_links_point_at_the_site_address(report_path, safety, settings):
    reader = PdfReader(io.BytesIO(Client().get(report_path + "pdf/").content))
    links = {
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    }
    assert links, "the PDF has links"
    assert all(link.startswith(settings.SITE_URL + "/") for link in links), links
    assert settings.SITE_URL + safety.url in links


def test_the_report_page_links_practice_examples_and_the_outcome_page(report_path, safety):
    page = Client().get(report_path)
    assert page.status_code == 200
    for example in practice_selectors.practice_examples_for_outcome(safety.pk):
        assert f'href="{example.url}"' in page.text
    assert f'href="{safety.url}"' in page.text
    assert "2 of the 7 outcomes have a gap" in page.text
    assert 'media="print"' not in page.text  # print rules live in the stylesheet's @media print
    assert "/static/selfassessment/selfassessment" in page.text


def test_the_arabic_report_and_its_pdf_are_right_to_left_with_arabic_fonts(report_path, outcomes):
    arabic_path = "/ar" + report_path
    page = Client().get(arabic_path)
    assert page.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page.text
    housing_in_arabic = outcomes[0].get_translation(Locale.objects.get(language_code="ar")).title
    assert housing_in_arabic in page.text
    response = Client().get(arabic_path + "pdf/")
    text = pdf_text(response)
    assert housing_in_arabic in text
    assert "Our intake takes two hours" in flat(text)  # what the person wrote, as written
    reader = PdfReader(io.BytesIO(response.content))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    # The shipped fonts, embedded: the PDF prints the same on a computer without them.
    assert any(font.endswith("Report-Arabic") for font in fonts), fonts
    assert any(font.endswith("Report-Sans") for font in fonts), fonts


def test_core_outcomes_are_the_seven_in_order(outcomes):
    assert [outcome.number for outcome in selectors.core_outcomes()] == [1, 2, 3, 4, 5, 6, 7]
