"""The self-assessment by keyboard alone, in a real browser, with JavaScript on (English) and off
(Arabic, right to left): no cookie at any step, nothing asked of another origin, and the report
opens at its private link with the gap and the practice linked to it."""

import time

import pytest
from playwright.sync_api import Page, expect

from mscos.practice import selectors as practice_selectors
from mscos.selfassessment import selectors
from mscos.selfassessment.models import Assessment
from tests.e2e.keyboard import tab_to
from tests.e2e.test_accessibility import AXE, horizontal_overflow

MINIMUM_FILL_SECONDS = 3.2  # the bot check refuses a form sent sooner


def in_language(path: str, language: str) -> str:
    return path if language == "en" else f"/{language}{path}"


def fill_in_by_keyboard(page: Page) -> None:
    outcomes = selectors.core_outcomes()
    for outcome in outcomes:
        key = f"outcome{outcome.pk}"
        first_radio = page.locator(f"#id_{key}_measured_0")
        tab_to(page, first_radio, limit=40)
        if outcome.number == 1:
            # Arrow keys move the choice along the radio group: to "With a tool".
            page.keyboard.press("ArrowDown")
            page.keyboard.press("ArrowDown")
            expect(page.locator(f"#id_{key}_measured_2")).to_be_checked()
            tab_to(page, page.locator(f"#id_{key}_tool"))
            page.keyboard.type("A wellbeing questionnaire")
        else:
            page.keyboard.press("Space")
            expect(first_radio).to_be_checked()
        if outcome.number == 2:
            time_barrier = page.locator(f"#id_{key}_barriers_0")
            tab_to(page, time_barrier)
            page.keyboard.press("Space")
            expect(time_barrier).to_be_checked()
            tab_to(page, page.locator(f"#id_{key}_barrier_other"))
            page.keyboard.type("Our first meeting is short")


@pytest.mark.browser
@pytest.mark.parametrize(("language", "javascript"), [("en", True), ("ar", False)])
def test_a_service_assesses_itself_by_keyboard_and_reads_its_report(
    new_context, offsite_requests, fresh_cache, language, javascript
):
    context = new_context(java_script_enabled=javascript)
    page = context.new_page()
    started = time.monotonic()
    assert page.goto(in_language("/self-assessment/", language)).status == 200
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    fill_in_by_keyboard(page)
    time.sleep(max(0, MINIMUM_FILL_SECONDS - (time.monotonic() - started)))
    submit = page.locator("form.assessment button[type=submit]")
    tab_to(page, submit, limit=200)
    page.keyboard.press("Enter")
    page.wait_for_url("**/self-assessment/report/**")

    assessment = Assessment.objects.get()
    assert assessment.answers.get(outcome__number=1).tool == "A wellbeing questionnaire"
    assert assessment.answers.get(outcome__number=2).barriers == ["time"]
    main = page.locator("main")
    expect(main).to_contain_text("Our first meeting is short")
    safety = next(o for o in selectors.core_outcomes() if o.number == 2)
    for example in practice_selectors.practice_examples_for_outcome(safety.pk):
        expect(main.locator("a", has_text=example.title).first).to_be_visible()
    # Printed, the report keeps its outcomes and leaves out the site's chrome and the private link.
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".report-link")).to_be_hidden()
    expect(main.locator(".report-outcome h2").first).to_be_visible()
    page.emulate_media(media="screen")
    # The report's own link works in a new, empty browser: it is the only key.
    report_url = page.url
    other = new_context().new_page()
    assert other.goto(report_url).status == 200

    assert context.cookies() == [], "the self-assessment set a cookie"
    assert offsite_requests == []


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_public_pages_fit_the_screen_and_keep_to_this_site(
    new_context, offsite_requests, screenshot_dir, demo_site, width, language
):
    from mscos.selfassessment import services

    outcomes = selectors.core_outcomes()
    _assessment, token = services.assessment_create(
        answers={
            outcome.pk: {
                "measured": "none",
                "tool": "",
                "barriers": ["not_safe"],
                "barrier_other": "",
                "helps": ["guidance"],
                "help_other": "",
            }
            for outcome in outcomes
        }
    )
    context = new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for name, path in [
        ("form", "/self-assessment/"),
        ("report", f"/self-assessment/report/{token}/"),
        ("struggle", "/self-assessment/where-services-struggle/"),
    ]:
        assert page.goto(in_language(path, language)).status == 200
        page.screenshot(
            path=screenshot_dir / f"self-assessment-{name}-{language}-{width}.png", full_page=True
        )
        assert horizontal_overflow(page) <= 0, f"{path} scrolls sideways at {width}px"
        assert AXE.run(page).response["violations"] == [], path
    # The form sent with nothing chosen: the error summary and messages, checked the same way.
    page.goto(in_language("/self-assessment/", language))
    page.locator("form.assessment button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert AXE.run(page).response["violations"] == [], "the form with its errors"
    assert horizontal_overflow(page) <= 0
    assert context.cookies() == []
    assert offsite_requests == []
