"""sitemap.xml, robots.txt, titles, descriptions and Open Graph tags (same origin only)."""

import re

import pytest
from django.conf import settings

from mscos.outcomes.models import OutcomePage

pytestmark = pytest.mark.django_db


def test_sitemap_lists_live_pages_only(client, demo_site):
    page = OutcomePage.objects.get(slug="access-to-education")
    page.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "/practice/victim-navigator-programme/</loc>" in xml
    assert "/core-outcomes/long-list/</loc>" in xml
    assert "/core-outcomes/access-to-education/" not in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_areas(client, db):
    text = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in text
    for path in ["/admin/", "/account/", "/moderation/", "/search/"]:
        assert f"Disallow: {path}" in text


def test_pages_have_title_description_and_same_origin_open_graph(client, demo_site):
    html = client.get("/practice/victim-navigator-programme/").content.decode()
    assert "<title>The Victim Navigator programme · MSCOS Community of Practice</title>" in html
    description = re.search(r'<meta name="description" content="([^"]+)"', html).group(1)
    assert description.startswith("Independent Victim Navigators from the charity")
    assert '<meta property="og:title" content="The Victim Navigator programme">' in html
    assert '<meta property="og:type" content="article">' in html
    image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert image.startswith(settings.SITE_URL + "/static/")
    for url in re.findall(r'content="(https?://[^"]+)"', html):
        assert url.startswith(settings.SITE_URL), url


def test_editors_search_description_wins_over_the_summary(client, demo_site):
    page = OutcomePage.objects.get(slug="access-to-education")
    page.search_description = "Education for survivors, in one line."
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert '<meta name="description" content="Education for survivors, in one line.">' in html
