"""One site address: on another host and port, every absolute link the site gives out uses it.

The Wagtail Site record is moved exactly as `migrate` moves it (core.site_address), and the
system check reports a record that disagrees with SITE_URL.
"""

import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.apps import apps
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db.models.signals import post_migrate
from django.test import Client
from wagtail.models import Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from mscos.core import checks, shell_memo
from mscos.core.management.commands.migrate import Command as MigrateCommand
from mscos.core.site_address import absolute_url, site_record_sync
from mscos.forum.feeds import public_posts
from mscos.forum.models import ForumCategory, Post
from mscos.newsletter import services as newsletter_services
from mscos.newsletter.defaults import FIRST_CONSENT_TEXT, FIRST_CONSENT_VERSION
from mscos.newsletter.models import ConsentText, Subscriber
from mscos.updates.emails import render_update_email
from mscos.updates.models import UpdatePage
from tests.forum.conftest import form_data

HOST = "http://mscos.test:8123"
# Addresses that are not links to the site: XML namespaces and DTDs in feeds and sitemaps.
NOT_LINKS = ("http://www.w3.org/", "http://www.sitemaps.org/", "http://purl.org/")

pytestmark = pytest.mark.django_db


def links(text: str) -> list[str]:
    found = re.findall(r"https?://[^\s\"'<>)\]]+", text)
    return [url for url in found if not url.startswith(NOT_LINKS)]


def assert_all_at_host(text: str, *, at_least: int = 1) -> list[str]:
    found = links(text)
    assert len(found) >= at_least, text[:2000]
    wrong = [url for url in found if not url.startswith(HOST + "/")]
    assert not wrong, wrong
    return found


@pytest.fixture
def other_address(demo_site, settings):
    settings.SITE_URL = HOST
    settings.WAGTAILADMIN_BASE_URL = HOST
    assert site_record_sync()  # what migrate does after a change of SITE_URL
    yield
    cache.clear()  # Wagtail's cached site paths must not reach the next test


def migrated() -> None:
    """What `migrate` does at its end: every app's post_migrate (core's moves the record)."""
    post_migrate.send(
        sender=apps.get_app_config("core"),
        app_config=apps.get_app_config("core"),
        verbosity=0,
        interactive=False,
        using="default",
        apps=apps,
        plan=[],
    )


def test_migrate_moves_the_wagtail_site_record_to_site_url(demo_site, settings):
    settings.SITE_URL = HOST
    # migrate's own checks come first: a record left at the old address must not stop it.
    MigrateCommand().check(databases=["default"])
    migrated()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("mscos.test", 8123, HOST)
    settings.SITE_URL = "https://mscos.example.org"
    migrated()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "mscos.example.org",
        443,
        "https://mscos.example.org",
    )
    cache.clear()


def test_migrate_forgets_site_paths_a_kept_cache_remembers_from_another_address(client, demo_site):
    # A Redis cache outlives the database: here it still holds the paths a restored backup's
    # old address gave, while the record itself already says SITE_URL.
    site = Site.objects.get(is_default_site=True)
    cached = Site.get_site_root_paths()
    cache.set(
        SITE_ROOT_PATHS_CACHE_KEY,
        [path._replace(root_url="http://old.example:8000") for path in cached],
        version=SITE_ROOT_PATHS_CACHE_VERSION,
    )
    shell_memo.forget()  # as a process started after the restore, which reads the shared cache
    assert "http://old.example:8000/" in client.get("/sitemap.xml").content.decode()
    assert not site_record_sync()  # nothing to change in the record ...
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "old.example" not in sitemap  # ... and the old paths are gone all the same
    assert f"<loc>{site.root_url}/core-outcomes/</loc>" in sitemap
    cache.clear()


def test_the_system_check_fails_when_the_site_record_disagrees_with_site_url(demo_site, settings):
    assert checks.wagtail_site_matches_site_url(None) == []
    settings.SITE_URL = HOST
    (error,) = checks.wagtail_site_matches_site_url(None)
    assert error.id == "mscos.E002" and error.is_serious()
    assert HOST in error.msg and "http://127.0.0.1:8000" in error.msg
    with pytest.raises(SystemCheckError, match=r"mscos\.E002"):
        call_command("check")
    site_record_sync()
    assert checks.wagtail_site_matches_site_url(None) == []
    cache.clear()


def test_https_on_another_port_cannot_be_recorded_and_the_check_says_so(demo_site, settings):
    settings.SITE_URL = "https://mscos.example.org:8443"
    site_record_sync()
    (error,) = checks.wagtail_site_matches_site_url(None)
    assert "https only on port 443" in error.hint
    cache.clear()


def test_load_demo_leaves_the_record_at_site_url(demo_site, settings):
    settings.SITE_URL = HOST
    call_command("load_demo", verbosity=0)
    assert Site.objects.get(is_default_site=True).root_url == HOST
    cache.clear()


def test_sitemap_and_robots_use_the_site_address(client, other_address):
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = [
        element.text
        for element in ET.fromstring(sitemap).iter(  # noqa: S314 (the site's own sitemap)
            "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
        )
    ]
    assert len(locations) > 10
    assert all(location.startswith(HOST + "/") for location in locations), locations
    assert_all_at_host(sitemap)
    robots = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {HOST}/sitemap.xml" in robots


@pytest.mark.parametrize(
    "path",
    [
        "/updates/feed/",
        "/updates/feed/atom/",
        "/forums/feed/rss/",
        "/forums/feed/atom/",
        "category",
    ],
)
def test_feeds_link_to_the_site_address(client, other_address, path):
    if path == "category":
        post = public_posts().first()
        path = f"/forums/{post.topic.category.slug}/feed/atom/"
    response = client.get(path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.entries
    assert feed.feed.link.startswith(HOST + "/")
    for entry in feed.entries:
        assert entry.link.startswith(HOST + "/"), entry.link
    assert_all_at_host(response.content.decode())


def test_the_request_host_never_reaches_a_feed(client, other_address):
    """A proxy may pass any Host header; the feed still says the site's own address."""
    response = client.get("/updates/feed/", HTTP_HOST="127.0.0.1")
    assert_all_at_host(response.content.decode())


def test_the_update_pdf_links_to_the_site_address(other_address, monkeypatch):
    weasyprint = pytest.importorskip("weasyprint")
    from mscos.updates import pdf

    seen = {}

    class CapturingHTML:
        def __init__(self, *, string, url_fetcher):
            seen["html"] = string

        def write_pdf(self):
            return b"%PDF-1.7"

    monkeypatch.setattr(weasyprint, "HTML", CapturingHTML)
    page = UpdatePage.objects.live().first()
    cache.clear()
    assert pdf.update_pdf(page) == b"%PDF-1.7"
    hrefs = re.findall(r'href="([^"]+)"', seen["html"])
    assert hrefs
    assert all(href.startswith((HOST + "/", "#", "mailto:", "tel:")) for href in hrefs), hrefs
    assert_all_at_host(seen["html"])


def test_update_mail_and_newsletter_confirmation_use_the_site_address(
    other_address, django_capture_on_commit_callbacks
):
    page = UpdatePage.objects.live().first()
    _subject, html, text = render_update_email(page)
    assert_all_at_host(html, at_least=3)
    assert_all_at_host(text, at_least=3)

    consent, _ = ConsentText.objects.get_or_create(
        version=FIRST_CONSENT_VERSION, defaults={"text": FIRST_CONSENT_TEXT}
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        newsletter_services.request_subscription(
            email="new@example.org", consent_text_version=consent.version, source="test"
        )
        Subscriber.objects.create(
            email="reader@example.org",
            consent_text=consent,
            consented_at="2026-01-01T00:00Z",
            status="active",
        )
        newsletter_services.mailing_start(
            page=page, subject="Week", html_body=html, text_body=text, acting_user=None
        )
    confirmation, update_mail = mail.outbox
    assert_all_at_host(confirmation.body)
    for content, _mimetype in getattr(confirmation, "alternatives", []):
        assert_all_at_host(content)
    assert_all_at_host(update_mail.body, at_least=3)
    assert update_mail.extra_headers["List-Unsubscribe"].startswith(f"<{HOST}/")


def test_page_address_tags_use_the_site_address_whatever_the_request_host(client, other_address):
    post = Post.objects.filter(status="approved").first()
    html = client.get(post.topic.get_absolute_url(), HTTP_HOST="127.0.0.1").content.decode()
    found = re.findall(r'<meta property="og:(?:url|image)" content="([^"]+)"', html)
    assert found
    assert all(url.startswith(HOST + "/") for url in found), found


def test_a_guests_private_edit_link_is_at_the_site_address(other_address):
    category = ForumCategory.objects.create(
        name="Open to guests", slug="open-to-guests", premoderation="all", guests_may_post=True
    )
    response = Client().post(
        f"/forums/{category.slug}/new/",
        form_data(title="From a guest", body="Is anyone here?", guest_name="", understood="on"),
        HTTP_HOST="127.0.0.1",
    )
    link = re.search(r'<code class="guest-link">(http[^<]+)</code>', response.content.decode())
    assert link and link.group(1).startswith(HOST + "/forums/"), response.content[:500]


def test_absolute_url_moves_a_url_built_from_another_host_onto_the_site_address(settings):
    settings.SITE_URL = HOST + "/"
    assert absolute_url("/events/") == f"{HOST}/events/"
    assert absolute_url("http://localhost/events/a/?x=1#y") == f"{HOST}/events/a/?x=1#y"
    assert absolute_url("") == f"{HOST}/"
