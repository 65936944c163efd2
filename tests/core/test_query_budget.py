"""Every page type costs at most a fixed number of SQL queries once the process is warm, however
much it shows: the page shell (settings, menu, languages, site paths) comes from process memory.

The full-page cache (core/page_cache.py) is off here, so each request is drawn afresh."""

import re

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Site

from mscos.core import shell_memo
from mscos.core.models import NavigationItem, SafetySettings
from mscos.forum.models import ForumCategory
from mscos.outcomes.models import OutcomePage
from mscos.updates.models import UpdatePage
from tests.forum.test_reading import bulk_topic

_SAVEPOINT = re.compile(r"^(RELEASE )?SAVEPOINT |^ROLLBACK TO SAVEPOINT ")
READER_BUDGET = 12
# A member's page costs a fixed few more, never more per item shown: their session and its
# renewal (the idle time-out slides), their account, their roles, their two sets of
# permissions (the staff links), their reading preferences (muted words, a break).
MEMBER_BUDGET = READER_BUDGET + 7

PAGES = [
    "home",
    "outcome",
    "outcome_arabic",
    "forum_index",
    "category",
    "topic_first",
    "topic_last",
    "updates_index",
    "update",
    "search",
    "events_index",
    "practice_index",
    "people",
    "resources",
]


@pytest.fixture(autouse=True)
def no_full_page_cache(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 0
    # A generation of this test's own: other test runs on the machine change theirs.
    settings.PAGE_CACHE_STAMP_FILE = tmp_path / "page-cache-generation"


@pytest.fixture
def addresses(demo_site, member) -> dict[str, str]:
    outcome = OutcomePage.objects.get(slug="safety-from-any-trafficker-or-other-abuser")
    arabic = outcome.get_translation(Locale.objects.get(language_code="ar"))
    category = ForumCategory.objects.get(slug="secure-and-suitable-housing")
    topic = bulk_topic(category, member, replies=65)
    update = UpdatePage.objects.live().filter(locale__language_code="en-gb").first()
    assert update is not None
    return {
        "home": "/",
        "outcome": outcome.url,
        "outcome_arabic": arabic.url,
        "forum_index": "/forums/",
        "category": category.get_absolute_url(),
        "topic_first": topic.get_absolute_url(),
        "topic_last": topic.get_absolute_url() + "?last",
        "updates_index": "/community-of-practice/updates/",
        "update": update.url,
        "search": "/search/?q=housing",
        "events_index": "/events/",
        "practice_index": "/practice/",
        "people": "/our-team/",
        "resources": "/the-study/resources/",
    }


def queries_on_warm_request(client: Client, path: str) -> tuple[int, str]:
    """The second request's query count (the first warms the process), and the queries."""
    assert client.get(path).status_code == 200, path
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    # A test runs inside a transaction, so each atomic block is a savepoint here; served, it is
    # BEGIN and COMMIT, which are not statements the database plans and runs.
    queries = [q["sql"] for q in captured.captured_queries if not _SAVEPOINT.match(q["sql"])]
    listing = "\n".join(f"{n}. {sql[:300]}" for n, sql in enumerate(queries, 1))
    return len(queries), listing


@pytest.mark.parametrize("page", PAGES)
def test_a_readers_page_costs_at_most_the_budget(addresses, page):
    count, listing = queries_on_warm_request(Client(), addresses[page])
    assert count <= READER_BUDGET, f"{page} ({addresses[page]}): {count} queries\n{listing}"


@pytest.mark.parametrize("page", PAGES)
def test_a_members_page_costs_at_most_the_budget(addresses, member, page):
    client = Client()
    client.force_login(member)
    count, listing = queries_on_warm_request(client, addresses[page])
    assert count <= MEMBER_BUDGET, f"{page} ({addresses[page]}): {count} queries\n{listing}"


# What is kept in memory shows every change on the next request.


def primary_navigation(client: Client, path: str = "/") -> str:
    html = client.get(path).content.decode()
    found = re.search(r'<nav class="primary-nav".*?</nav>', html, re.S)
    assert found is not None
    return found.group(0)


def safety_bar(client: Client) -> str:
    html = client.get("/forums/").content.decode()
    found = re.search(r'<div class="safety-bar".*?</div>\s*</div>', html, re.S)
    assert found is not None
    return found.group(0)


def test_a_renamed_menu_item_shows_on_the_next_request(demo_site):
    client = Client()
    assert ">Get involved</a>" in primary_navigation(client)
    # update(), as a data fix would: no save() signal, only the write itself.
    NavigationItem.objects.filter(label="Get involved").update(label="Join us")
    nav = primary_navigation(client)
    assert ">Join us</a>" in nav
    assert "Get involved" not in nav


def test_a_published_change_of_address_shows_in_the_shell_on_the_next_request(demo_site):
    client = Client()
    assert 'href="/staying-safe-online/"' in safety_bar(client)
    page = SafetySettings.for_site(demo_site).staying_safe_page.specific
    page.slug = "online-safety"
    page.save_revision().publish()
    bar = safety_bar(client)
    assert 'href="/online-safety/"' in bar
    assert "/staying-safe-online/" not in bar


def test_a_new_site_record_is_found_on_the_next_request(demo_site, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver", "other.example"]
    client = Client()
    default = client.get("/", HTTP_HOST="other.example")  # no record of its own: the default
    assert default.context["page"].pk == demo_site.root_page_id
    standard = Page.objects.get(slug="get-involved", locale__language_code="en-gb")
    Site.objects.create(hostname="other.example", port=80, root_page=standard, site_name="Other")
    response = client.get("/", HTTP_HOST="other.example")
    assert response.status_code == 200
    assert response.context["page"].pk == standard.pk


def test_a_change_made_by_another_process_shows_on_the_next_request(demo_site):
    """Another app server's write moves the shared generation (shell_memo); this process, which
    kept the menu as it was, forgets it when its next request starts."""
    client = Client()
    primary_navigation(client)
    kept = [key for key in shell_memo._memo if key[0:1] == ("menu",)]
    assert kept
    for key in kept:
        shell_memo._memo[key] = [("Out of date", "/", "")]
    assert ">Out of date</a>" in primary_navigation(client)  # kept, as it would be
    shell_memo._new_generation()  # what the other process's write does
    nav = primary_navigation(client)
    assert ">Out of date</a>" not in nav
    assert ">Get involved</a>" in nav


def test_nothing_is_kept_from_a_transaction_that_is_rolled_back(demo_site):
    client = Client()
    primary_navigation(client)

    class RolledBack(Exception):
        pass

    with pytest.raises(RolledBack), transaction.atomic():
        NavigationItem.objects.filter(label="Get involved").update(label="Never saved")
        assert ">Never saved</a>" in primary_navigation(client)
        raise RolledBack
    nav = primary_navigation(client)
    assert "Never saved" not in nav
    assert ">Get involved</a>" in nav
