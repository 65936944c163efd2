"""A reader who is not signed in gets no cookie, and no page asks another origin for anything."""

import re
from html.parser import HTMLParser

import pytest

from tests.core.test_page_shell import PAGE_PATHS

RESOURCE_ATTRIBUTES = {"src", "href", "action", "srcset", "poster", "data"}


class ResourceCollector(HTMLParser):
    """Collects every URL-like attribute value and inline style in a page."""

    def __init__(self):
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in RESOURCE_ATTRIBUTES and value:
                self.urls.append((tag, name, value))
            if name == "style" and value and "url(" in value:
                self.urls.append((tag, name, value))


def other_origin(url: str) -> bool:
    from django.conf import settings

    # Canonical and Open Graph addresses are absolute, on the site's own configured address.
    if url.startswith(settings.SITE_URL + "/"):
        return False
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.I)) or url.startswith("http")


@pytest.mark.parametrize("path", [*PAGE_PATHS, "/no-such-page/"])
def test_reading_sets_no_cookie(client, demo_site, path):
    response = client.get(path)
    assert response.status_code == (404 if path == "/no-such-page/" else 200)
    assert response.cookies == {}, f"{path} set {list(response.cookies)}"
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_no_page_refers_to_another_origin_for_resources(client, demo_site, path):
    html = client.get(path).content.decode()
    collector = ResourceCollector()
    collector.feed(html)
    loaded = [
        (tag, name, value)
        for tag, name, value in collector.urls
        # Plain links are navigation, not loading; everything else must stay on this site.
        if not (tag == "a" and name == "href")
    ]
    assert loaded, "the page should load at least its own stylesheet"
    assert [entry for entry in loaded if other_origin(entry[2])] == []


@pytest.mark.parametrize("path", ["/", "/forums/", "/no-such-page/"])
def test_strict_content_security_policy_on_the_public_site(client, demo_site, path):
    policy = client.get(path)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    for value in directives.values():
        assert "http" not in value and "*" not in value


def test_privacy_headers(client, demo_site):
    response = client.get("/")
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_admin_gets_its_own_policy_without_other_origins(admin_client, demo_site):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "http" not in policy
