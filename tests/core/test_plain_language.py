"""Plain language and finish (issue 18): what a reader sees explains itself. No abbreviation
without its words, no jargon for feeds, consent texts or domains, a page of its own after sending
feedback or joining, and refusals that never blame the person."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from mscos.outcomes.models import OutcomePage
from mscos.updates.models import UpdatePage
from tests.bot_check import human, started_long_ago
from tests.joining.test_join import join

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(HTTP_HOST="127.0.0.1")


def text_of(response) -> str:
    content = response.content.decode()
    content = re.sub(r"<(script|style|template)\b.*?</\1>", " ", content, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", content)))


def test_rab_is_never_shown_before_its_full_name(client, demo_site):
    with translation.override("en-gb"):
        update = UpdatePage.objects.filter(locale__language_code="en-gb").order_by("-date")[0]
        addresses = ["/", update.url, "/our-team/", "/practice/"] + [
            page.url for page in OutcomePage.objects.filter(locale__language_code="en-gb")
        ]
    for address in addresses:
        text = text_of(client.get(address, follow=True))
        first = re.search(r"\bRAB\b", text)
        if first:
            assert "Research Advisory Board" in text[: first.start()], (address, first)


def test_feeds_domains_and_other_names_are_in_plain_words(client, demo_site):
    updates = text_of(client.get("/community-of-practice/updates/", follow=True))
    assert "Atom feed" not in updates
    assert "Get each new update in a news reader app" in updates
    forums = text_of(client.get("/forums/"))
    assert "Follow new posts in a news reader app: News feed (RSS)" in forums
    long_list = text_of(client.get("/core-outcomes/long-list/"))
    assert "Area of life" in long_list and "Domain " not in long_list
    outcome = text_of(client.get("/core-outcomes/safety-from-any-trafficker-or-other-abuser/"))
    assert "Also known as" not in outcome
    assert "Other names for this outcome:" in outcome


def test_the_consent_wording_says_why_its_version_is_kept(client, demo_site):
    page = text_of(client.get(reverse("newsletter:subscribe")))
    assert "Consent text version" not in page
    assert re.search(r"We keep this wording \(version [^)]+\) with your subscription", page)


def test_feedback_gets_a_page_of_its_own_without_an_empty_form(client, demo_site):
    response = client.post("/feedback/", human({"topic": "site", "message": "The map is great."}))
    assert response.status_code == 200
    text = text_of(response)
    assert "Thank you: your feedback is sent" in text
    assert "<form" not in response.content.decode().split('id="main"')[-1].split("<footer")[0]
    assert "Send more feedback" in text
    assert "The map is great." not in text  # nothing to send twice by mistake


def test_joining_gets_a_page_of_its_own_without_the_form(client, demo_site):
    response = join(client)
    main = response.content.decode().split('id="main"')[-1].split("<footer")[0]
    assert "Thank you, Sam" in text_of(response)
    assert 'name="email"' not in main


@pytest.mark.parametrize(
    ("address", "fields", "expected"),
    [
        (
            "/feedback/",
            {"topic": "site", "message": "A note"},
            "Sorry, we could not send your feedback yet.",
        ),
        ("/get-involved/join/", None, "Sorry, we could not send this yet."),
    ],
)
def test_a_form_sent_too_fast_gets_a_calm_refusal_that_blames_nobody(
    client, demo_site, address, fields, expected
):
    if fields is None:
        from mscos.newsletter.selectors import current_consent_text

        fields = {
            "consent_version": current_consent_text().version,
            "name": "Sam",
            "email": "sam@example.org",
            "role": "practitioner",
            "organisation": "",
            "country": "Romania",
        }
    response = client.post(address, {**human(fields), "started": started_long_ago(seconds=0)})
    text = text_of(response)
    assert expected in text
    assert "very quick" not in text.lower()


@pytest.mark.parametrize(
    "address",
    [
        "/staying-safe-online/",
        "/ar/staying-safe-online/",
        "/privacy/",
        "/core-outcomes/safety-from-any-trafficker-or-other-abuser/",
    ],
)
def test_long_pages_open_with_a_contents_list_whose_links_lead_to_their_sections(
    client, demo_site, address
):
    content = client.get(address, follow=True).content.decode()
    nav = re.search(r'<nav class="contents-list".*?</nav>', content, re.S)
    assert nav, f"{address} has no contents list"
    targets = re.findall(r'href="#([^"]+)"', nav.group(0))
    assert len(targets) >= 3
    for target in targets:
        assert f'id="{target}"' in content, (address, target)


def test_the_update_pdf_link_says_it_is_a_pdf_and_how_big(client, demo_site):
    with translation.override("en-gb"):
        update = UpdatePage.objects.filter(locale__language_code="en-gb").order_by("-date")[0]
        address = update.url
    text = text_of(client.get(address, follow=True))
    size = re.search(r"Full version \(PDF file, ([\d.,]+) (KB|MB|bytes)\)", text)
    assert size, "the PDF link gives its type and size"
    pdf = client.get(address + "pdf/", follow=True)
    assert pdf["Content-Type"] == "application/pdf"
    kilobytes = len(pdf.content) / 1024
    shown = float(size.group(1).replace(",", "")) * (1024 if size.group(2) == "MB" else 1)
    assert abs(shown - kilobytes) < max(1.0, kilobytes * 0.1)
