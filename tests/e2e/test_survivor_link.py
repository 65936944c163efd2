"""The survivor's own link in a real browser (#20): the worker makes it by keyboard and the QR
code on their screen decodes to it; the survivor answers by keyboard alone with JavaScript off,
gets no cookie and nothing from another origin, and the link is dead after one use."""

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from mscos.accounts.models import User
from mscos.measurement import services
from mscos.measurement.models import DECLINED, Answer, Consent
from mscos.measurement.survivor_selectors import survivor_indicators
from tests.conftest import with_two_factor
from tests.e2e.test_accessibility import sign_in
from tests.posters.tools import decode_qr


@pytest.fixture
def workspace(site_url):
    lead = with_two_factor(
        User.objects.create_user(
            username="linda", password="a-long-pass-phrase", display_name="Linda"
        )
    )
    organisation = services.organisation_create(
        name="Harbour Lights", slug="harbour-lights", lead=lead, acting_user=lead
    )
    person = services.person_create(
        organisation=organisation,
        case_code="HL-042",
        consents={Consent.Use.RECORD_KEEPING},
        acting_user=lead,
    )
    check_in = services.check_in_record(
        organisation=organisation,
        person=person,
        date=person.created_at.date(),
        kind="baseline",
        answers={},
        acting_user=lead,
    )
    return lead, organisation, person, check_in


def _make_link(
    context: BrowserContext, site_url, workspace, language_name: str
) -> tuple[str, Page]:
    """The worker, by keyboard: from the person's page to the link page; the link's address."""
    lead, organisation, person, _check_in = workspace
    sign_in(context, site_url, lead)
    page = context.new_page()
    page.goto(f"/workspace/{organisation.slug}/people/{person.pk}/")
    page.get_by_role("link", name="A link for the survivor to answer on their phone").focus()
    page.keyboard.press("Enter")
    page.get_by_label(language_name).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Make the link").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="The survivor's link")).to_be_visible()
    address = page.locator("[data-survivor-link-address]").inner_text()
    return address, page


@pytest.mark.browser
def test_the_qr_code_on_the_workers_screen_opens_the_link(
    new_context, site_url, workspace, tmp_path
):
    context = new_context(viewport={"width": 1280, "height": 1200})
    address, page = _make_link(context, site_url, workspace, "العربية")
    assert re.fullmatch(r"http://127\.0\.0\.1:8000/ar/my-check-in/[^/]+/", address)
    png = tmp_path / "qr.png"
    page.locator("[data-survivor-link-qr] svg").screenshot(path=str(png))
    assert decode_qr(png) == [address]


@pytest.mark.browser
def test_the_survivor_answers_by_keyboard_without_javascript_or_cookies(
    new_context, site_url, workspace, offsite_requests
):
    address, _worker_page = _make_link(new_context(), site_url, workspace, "English")
    path = "/" + address.split("/", 3)[3]  # the live server's own address
    survivor = new_context(java_script_enabled=False)
    page = survivor.new_page()
    page.goto(path)
    expect(page.get_by_role("heading", name="How are you doing?")).to_be_visible()
    questions = survivor_indicators()
    assert questions  # the demo's draft library
    # Each group starts on "Skip this question" (the last choice): Tab reaches it, the arrow
    # moves round to the first point of the scale; the last question is "I'd rather not say".
    page.locator("main input[type=radio]:checked").first.focus()
    for index in range(len(questions)):
        if index:
            page.keyboard.press("Tab")
        page.keyboard.press("ArrowUp" if index == len(questions) - 1 else "ArrowDown")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Send my answers"
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("heading", name="Thank you: your answers have been sent")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Your journey so far")).to_be_visible()
    saved = {a.indicator_id: a.survivor_answer for a in Answer.objects.all()}
    assert [saved[q.pk] for q in questions] == ["1"] * (len(questions) - 1) + [DECLINED]
    assert "HL-042" not in page.content() and "Harbour Lights" not in page.content()
    page.goto(path)
    expect(page.get_by_role("heading", name="This link no longer works")).to_be_visible()
    assert survivor.cookies() == []
    assert offsite_requests == []
