"""The accessibility sweep: every page type, found from the URL map and the page tree.

For each page type (tests/e2e/page_catalogue.py), signed out and signed in, at 320 and 1280 px,
in English and in Arabic (right to left), axe-core must report no violation; forms are also
submitted empty and the page with their errors is checked the same way (the error summary must be
there and hold the focus). At 320 px the page must not scroll sideways, also with text at 200%,
and a screenshot of every page type is kept in test-artifacts/screenshots/sweep/.
"""

import datetime
import re
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from mscos.events.models import EventInvitation, EventPage, EventRegistration
from mscos.events.tokens import invitation_token, registration_token
from mscos.forum import services as forum_services
from mscos.forum import watching
from mscos.forum.models import ForumCategory, Post, Status, Topic
from mscos.measurement import services as measurement_services
from mscos.measurement import tokens as measurement_tokens
from mscos.measurement.models import Consent, Invitation, Membership
from mscos.measurement.survivor_services import survivor_link_create
from mscos.newsletter.models import Subscriber
from mscos.newsletter.selectors import current_consent_text
from mscos.newsletter.tokens import make_token
from mscos.selfassessment import selectors as selfassessment_selectors
from mscos.selfassessment.services import assessment_create
from tests.e2e.page_catalogue import Visit, page_visits, url_visits

LANGUAGES = ["en-gb", "ar"]
WIDTHS = [320, 1280]
USERS = ["signed-out", "signed-in"]
AXE = Axe()


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"  - {', '.join(map(str, node['target']))}: {node['html'][:160]}")
    return "\n".join(lines)


def in_language(path: str, language: str) -> str:
    if language == settings.LANGUAGE_CODE or path.startswith(f"/{language}/"):
        return path
    return f"/{language}{path}"


def horizontal_overflow(page: Page) -> int:
    return page.evaluate(
        "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )


def slug_of(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@pytest.fixture
def sweep_samples(demo_site, moderator) -> dict[str, Callable[[], dict]]:
    """How to fill the arguments of URL patterns, from the demo data plus a little more: a guest
    post waiting in the moderation queue (with its private link), a reply by the signed-in
    user (so the edit page exists), one of theirs still waiting and a guest's urgent post."""
    category = ForumCategory.objects.filter(guests_may_post=True).order_by("sort_order").first()
    topic = Topic.objects.filter(category=category).order_by("pk").first()
    guest_post, guest_token = forum_services.post_create(
        topic=topic, body="A guest's reply, waiting for a moderator.", guest_name="Wren"
    )
    own_post, _token = forum_services.post_create(
        topic=topic, body="A reply by the signed-in moderator.", acting_user=moderator
    )
    # A reply by the signed-in moderator still waiting (their "a moderator will read it" page),
    # and a guest's urgent post (the deliberate publish step an urgent post needs).
    own_waiting, _token = forum_services.post_create(
        topic=topic,
        body="A reply by the moderator, waiting for a second look.",
        acting_user=moderator,
    )
    Post.objects.filter(pk=own_waiting.pk).update(status=Status.PENDING)
    urgent_post, _token = forum_services.post_create(
        topic=topic, body="I am not safe tonight, he took my passport.", guest_name="Ash"
    )
    Post.objects.filter(pk=urgent_post.pk).update(status=Status.PENDING, is_urgent=True)
    published = Post.objects.filter(status=Status.APPROVED).order_by("pk").first()
    event = EventPage.objects.live().filter(invite_only=False).order_by("pk").first()
    registration = EventRegistration.objects.create(
        event=event, name="Robin", email="robin@example.org", role="practitioner", consent=True
    )
    invited = EventPage.objects.live().filter(invite_only=True).order_by("pk").first() or event
    invitation = EventInvitation.objects.create(
        event=invited,
        email="kit@example.org",
        expires_at=timezone.now() + datetime.timedelta(days=7),
        invited_by=moderator,
    )
    subscriber = Subscriber.objects.create(
        email="sweep-reader@example.org",
        consent_text=current_consent_text(),
        consented_at=timezone.now(),
    )
    # The signed-in moderator (with two-factor sign-in) also leads an outcome workspace.
    workspace = measurement_services.organisation_create(
        name="Sweep Service", slug="sweep-service", lead=moderator, acting_user=moderator
    )
    person = measurement_services.person_create(
        organisation=workspace,
        case_code="SW-001",
        consents={Consent.Use.RECORD_KEEPING},
        acting_user=moderator,
    )
    check_in = measurement_services.check_in_record(
        organisation=workspace,
        person=person,
        date=timezone.localdate(),
        kind="baseline",
        answers={},
        acting_user=moderator,
    )
    workspace_invitation = Invitation.objects.create(
        organisation=workspace,
        email=moderator.email or "mod@example.org",
        role=Membership.Role.CASEWORKER,
        invited_by=moderator,
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    survivor_link = survivor_link_create(check_in=check_in, language="ar", acting_user=moderator)
    programme = measurement_services.programme_create(
        organisation=workspace,
        name="Sweep outreach",
        check_in_interval_days=90,
        acting_user=moderator,
        kind="outreach",
    )
    outcome = selfassessment_selectors.core_outcomes()[0]
    answers = {
        outcome.pk: {
            "measured": "none",
            "tool": "",
            "barriers": ["not_safe"],
            "barrier_other": "",
            "helps": ["guidance"],
            "help_other": "",
        }
    }
    _public_assessment, assessment_token = assessment_create(answers=answers)
    workspace_assessment, _none = assessment_create(
        answers=answers, organisation=workspace, acting_user=moderator
    )
    about_programme = {"slug": workspace.slug, "programme_id": programme.pk}
    in_workspace = {"slug": workspace.slug}
    about_person = {"slug": workspace.slug, "person_id": person.pk}
    return {
        "measurement:invitation": lambda: {
            "token": measurement_tokens.invitation_token(workspace_invitation.pk)
        },
        "measurement:workspace": lambda: in_workspace,
        "measurement:person_create": lambda: in_workspace,
        "measurement:people_export": lambda: in_workspace,
        "measurement:programmes": lambda: in_workspace,
        "measurement:members": lambda: in_workspace,
        "measurement:access_log": lambda: in_workspace,
        "measurement:reports": lambda: in_workspace,
        "measurement:person": lambda: about_person,
        "measurement:note_add": lambda: about_person,
        "measurement:consent_withdraw": lambda: about_person,
        "measurement:check_in_create": lambda: about_person,
        "measurement:journey": lambda: about_person,
        "measurement:check_in": lambda: {**about_person, "check_in_id": check_in.pk},
        "measurement:survivor_link_create": lambda: about_person,
        "measurement:survivor_link": lambda: {**about_person, "link_id": survivor_link.pk},
        "survivor:check_in": lambda: {
            "token": measurement_tokens.survivor_link_token(survivor_link.pk)
        },
        "moderation:item": lambda: {"post_id": guest_post.pk},
        "moderation:member": lambda: {"user_id": own_post.author_id},
        "moderation:publish_urgent": lambda: {"post_id": urgent_post.pk},
        "forum:post_waiting": lambda: {"post_id": own_waiting.pk},
        "forum:digest_stop": lambda: {"token": watching.digest_stop_token(moderator)},
        "events_registration": lambda: {"token": registration_token(registration.pk)},
        "events_invitation": lambda: {"token": invitation_token(invitation.pk)},
        "newsletter:confirm": lambda: {"token": make_token(subscriber, "confirm")},
        "newsletter:preferences": lambda: {"token": make_token(subscriber, "preferences")},
        "newsletter:unsubscribe": lambda: {"token": make_token(subscriber, "unsubscribe")},
        "report_post": lambda: {"post_id": published.pk},
        "forum:topic": lambda: {"topic_id": topic.pk},
        "forum:reply": lambda: {"topic_id": topic.pk},
        "forum:moderate_topic": lambda: {"topic_id": topic.pk},
        "forum:post": lambda: {"post_id": published.pk},
        "forum:post_edit": lambda: {"post_id": own_post.pk},
        "forum:post_delete": lambda: {"post_id": own_post.pk},
        "forum:moderate_post": lambda: {"post_id": guest_post.pk},
        "forum:guest_manage": lambda: {"post_id": guest_post.pk, "token": guest_token},
        "forum:category": lambda: {"slug": category.slug},
        "forum:topic_new": lambda: {"slug": category.slug},
        "posters:help": lambda: {"language_code": "ar"},
        "measurement:programme_check_ins": lambda: about_programme,
        "measurement:programme_edit": lambda: about_programme,
        "measurement:dashboards": lambda: in_workspace,
        "measurement:programme_dashboard": lambda: about_programme,
        "evidence:workspace_sharing": lambda: in_workspace,
        "evidence:outcome": lambda: {"slug": outcome.slug},
        "selfassessment:report": lambda: {"token": assessment_token},
        "selfassessment:workspace": lambda: in_workspace,
        "selfassessment:workspace_new": lambda: in_workspace,
        "selfassessment:workspace_report": lambda: {
            "slug": workspace.slug,
            "pk": workspace_assessment.pk,
        },
    }


def all_visits(samples) -> list[Visit]:
    pages, _missing = page_visits()
    urls, _unaccounted = url_visits(samples)
    return urls + pages


def test_every_page_type_is_covered(sweep_samples):
    """A page model without a live page, or a URL pattern nobody accounted for, fails here."""
    _pages, missing = page_visits()
    _urls, unaccounted = url_visits(sweep_samples)
    assert missing == [], (
        "Page models with no live page in the demo data, so the accessibility sweep cannot see "
        f"them: {missing}. Add demo content (mscos/demo/) or list them in "
        "PAGE_MODELS_WITHOUT_DEMO with a reason."
    )
    assert unaccounted == [], (
        f"URL patterns the sweep cannot visit: {unaccounted}. Give them sample arguments "
        "(sweep_samples in tests/e2e/test_accessibility.py) or a reason in NOT_PAGES "
        "(tests/e2e/page_catalogue.py)."
    )


def sign_in(context: BrowserContext, site_url: str, user) -> None:
    client = Client()
    client.force_login(user)
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_key, "url": site_url}]
    )


def is_html_page(context: BrowserContext, path: str) -> tuple[bool, str]:
    response = context.request.get(path, max_redirects=10)
    content_type = response.headers.get("content-type", "")
    if response.status == 405:
        return False, "answers GET with 405 (a form's action, not a page)"
    if "attachment" in response.headers.get("content-disposition", ""):
        return False, "a download"
    if not content_type.startswith("text/html"):
        return False, f"not HTML ({content_type})"
    return True, ""


SUBMIT_EMPTY_FORM = """form => {
    form.noValidate = true;
    const submit = form.querySelector('button[type=submit]:not([name]), button:not([type]), '
        + 'input[type=submit], button[type=submit]');
    if (submit) { submit.click(); } else { form.requestSubmit(); }
}"""
FORMS_WITH_EMPTY_REQUIRED_TEXT = """() => Array.from(
        document.querySelectorAll('main form[method=post]'))
    .map((form, index) => ({index, form}))
    .filter(({form}) => Array.from(form.querySelectorAll('textarea[required], '
        + 'input[required]:not([type=checkbox]):not([type=radio]):not([type=hidden])'
    )).some(field => !field.value))
    .map(({index}) => index)"""


def check_error_state(page: Page, path: str, problems: dict, label: str) -> None:
    """Each form with empty required text fields, sent empty: the errors must be accessible."""
    indexes = page.evaluate(FORMS_WITH_EMPTY_REQUIRED_TEXT)
    for index in indexes:
        page.goto(path)
        form = page.locator("main form[method=post]").nth(index)
        with page.expect_navigation():
            form.evaluate(SUBMIT_EMPTY_FORM)
        summary = page.locator(".error-summary")
        if summary.count() == 0:
            problems[f"{label} form {index} sent empty"] = "no error summary at the top"
            continue
        # `autofocus` is applied by the browser after the page has loaded, so wait for it a little.
        try:
            page.wait_for_function(
                "() => document.activeElement?.classList.contains('error-summary')", timeout=3000
            )
            focused = True
        except PlaywrightTimeoutError:
            focused = False
        if not focused or summary.get_attribute("role") != "alert":
            problems[f"{label} form {index} sent empty"] = "error summary not focused/announced"
        links = summary.locator("a[href^='#']")
        for i in range(links.count()):
            target = links.nth(i).get_attribute("href")[1:]
            if page.locator(f"[id='{target}']").count() != 1:
                problems[f"{label} form {index}"] = f"error summary links to missing #{target}"
        violations = AXE.run(page).response["violations"]
        if violations:
            problems[f"{label} form {index} with errors"] = describe(violations)


@pytest.mark.browser
@pytest.mark.parametrize("user", USERS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_no_accessibility_violations_on_any_page_type(
    new_context, site_url, sweep_samples, moderator, screenshot_dir, width, language, user
):
    """Every page type at one width, in one language, signed in or out. Problems from every page
    are collected and reported together."""
    problems: dict[str, str] = {}
    sweep_combination(
        new_context, site_url, sweep_samples, moderator, screenshot_dir,
        width, language, user, problems,
    )  # fmt: skip
    assert problems == {}, "\n\n".join(f"{where}:\n{what}" for where, what in problems.items())


def sweep_combination(
    new_context, site_url, sweep_samples, moderator, screenshot_dir, width, language, user, problems
) -> None:
    context = new_context(viewport={"width": width, "height": 800}, reduced_motion="reduce")
    if user == "signed-in":
        sign_in(context, site_url, moderator)
    page = context.new_page()
    shots = screenshot_dir / "sweep"
    shots.mkdir(exist_ok=True)
    seen_final_paths: set[str] = set()
    visited = 0
    for visit in all_visits(sweep_samples):
        path = in_language(visit.path, language)
        is_page, _why = is_html_page(context, path)
        if not is_page:
            continue
        response = page.goto(path)
        final_path = urlsplit(page.url).path
        label = f"{width}px {user} {visit.kind} {path}"
        if final_path in seen_final_paths:
            continue  # e.g. a signed-in-only page redirecting to the sign-in page
        seen_final_paths.add(final_path)
        visited += 1
        assert response is not None and response.status < 500, f"{label}: {response.status}"
        expected_dir = "rtl" if language == "ar" else "ltr"
        if visit.kind == "posters:help":
            # A poster's help page is in the poster's language (Arabic here), whatever the prefix.
            expected_dir = "rtl"
        if page.get_attribute("html", "dir") != expected_dir:
            problems[label] = f"<html dir> is not {expected_dir}"
        violations = AXE.run(page).response["violations"]
        if violations:
            problems[label] = describe(violations)
        if width == 320:
            page.screenshot(
                path=shots / f"{language}-{user}-{slug_of(visit.kind)}-320.png", full_page=True
            )
            if overflow := horizontal_overflow(page):
                problems[f"{label} reflow"] = f"scrolls sideways by {overflow}px at 320px"
        # Text resized to 200% (WCAG 1.4.4) must not push the page sideways either, on a phone too.
        page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
        if overflow := horizontal_overflow(page):
            problems[f"{label} text at 200%"] = f"scrolls sideways by {overflow}px"
        check_error_state(page, path, problems, label)
    assert visited >= 10, f"only {visited} pages were visited: the catalogue found too little"
    context.close()
