"""The page shell: exit control, helpline block and navigation on every page."""

import re

import pytest
from django.test import Client
from wagtail.models import Site

from mscos.core.models import NavigationItem, NavigationSettings, SafetySettings

PAGE_PATHS = [
    "/",
    "/community-of-practice/",
    "/community-of-practice/updates/",
    "/community-of-practice/updates/week-22-safety-from-any-trafficker-or-other-abuser/",
    "/core-outcomes/",
    "/core-outcomes/safety-from-any-trafficker-or-other-abuser/",
    "/core-outcomes/corporate-responsibility-and-finance/",
    "/events/",
    "/get-involved/",
    "/staying-safe-online/",
    "/forums/",
    "/forums/general-discussion/",
]


def html_of(client: Client, path: str, expected_status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == expected_status, path
    return response.content.decode()


@pytest.mark.parametrize("path", [*PAGE_PATHS, "/no-such-page/"])
def test_every_page_has_skip_link_then_exit_control_then_helpline(client, demo_site, path):
    html = html_of(client, path, 404 if path == "/no-such-page/" else 200)
    skip = html.index('class="skip-link"')
    exit_control = html.index('id="exit-this-page"')
    assert skip < exit_control < html.index('<header class="site-header">')
    assert 'href="/exit/"' in html
    assert "08000 121 700" in html
    assert 'href="tel:999"' in html
    assert 'id="main"' in html
    assert html.count("<h1") == 1


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_forums_drop_down_lists_every_category_on_every_page(client, forum_categories, path):
    html = html_of(client, path)
    dropdown = re.search(r"<details class=\"dropdown\".*?</details>", html, re.S)
    assert dropdown, "the Forums drop-down is missing"
    assert re.search(
        r"<summary[^>]*>Forums(<span[^>]*> \(current section\)</span>)?</summary>",
        dropdown.group(0),
    )
    assert 'href="/forums/"' in dropdown.group(0)
    for category in forum_categories:
        assert f'href="/forums/{category.slug}/"' in dropdown.group(0)


def test_helpline_wording_comes_from_site_settings(client, demo_site):
    safety = SafetySettings.for_site(demo_site)
    safety.helpline_number = "0800 000 1111"
    safety.helpline_name = "Test Helpline"
    safety.save()
    html = html_of(client, "/")
    assert "Test Helpline" in html
    assert 'href="tel:08000001111"' in html
    assert "08000 121 700" not in html


def test_navigation_is_built_from_editors_data(client, demo_site):
    navigation = NavigationSettings.for_site(demo_site)
    labels = [item.label for item in navigation.items.order_by("sort_order")]
    assert labels == [
        "Community of Practice",
        "Core outcomes",
        "Updates",
        "Events",
        "Forums",
        "Get involved",
    ]
    navigation.items.add(NavigationItem(label="Podcasts", link_url="/events/", sort_order=99))
    navigation.save()
    html = html_of(client, "/get-involved/")
    nav = re.search(r'<nav class="primary-nav".*?</nav>', html, re.S).group(0)
    assert ">Podcasts</a>" in nav
    assert nav.index("Get involved") < nav.index("Podcasts")


def test_current_section_is_marked_in_navigation(client, demo_site):
    html = html_of(client, "/core-outcomes/access-to-education/")
    assert re.search(r'href="/core-outcomes/" aria-current="true">Core outcomes<', html)
    index = html_of(client, "/core-outcomes/")
    assert re.search(r'href="/core-outcomes/" aria-current="page">Core outcomes<', index)


def test_only_the_closest_section_is_current(client, demo_site):
    html = html_of(client, "/community-of-practice/updates/")
    nav = re.search(r'<nav class="primary-nav".*?</nav>', html, re.S).group(0)
    assert nav.count("aria-current") == 1
    assert re.search(r'href="/community-of-practice/updates/" aria-current="page">Updates<', nav)


def test_home_and_outcome_pages_show_forum_button(client, outcome_page):
    home = html_of(client, "/")
    assert re.search(r'class="button forum-button" href="/forums/"', home)
    outcome = html_of(client, outcome_page.url)
    assert re.search(
        r'class="button forum-button" href="/forums/safety-from-any-trafficker-or-other-abuser/"',
        outcome,
    )


def test_staying_safe_page_is_linked_from_exit_area(client, demo_site):
    html = html_of(client, "/forums/")
    bar = re.search(r'<div class="safety-bar".*?</div>\s*</div>', html, re.S).group(0)
    assert 'href="/staying-safe-online/"' in bar
    staying_safe = html_of(client, "/staying-safe-online/")
    # Says what the exit control cannot do: the history and monitoring it leaves in place.
    assert "stay in your browsing history" in staying_safe
    assert "monitoring software" in staying_safe


def test_unpublished_staying_safe_page_is_not_linked(client, demo_site):
    safety = SafetySettings.for_site(demo_site)
    safety.staying_safe_page.specific.unpublish()
    html = html_of(client, "/")
    assert "/staying-safe-online/" not in html


def test_server_error_page_keeps_the_exit_control(client, demo_site, settings):
    from mscos.core.views import server_error

    request = client.get("/").wsgi_request
    response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert 'id="exit-this-page"' in html and "08000 121 700" in html


def test_server_error_page_survives_a_broken_database(demo_site, rf, monkeypatch):
    from mscos.core import views

    def broken(*args, **kwargs):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(SafetySettings, "for_request", broken)
    response = views.server_error(rf.get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert 'href="/exit/"' in html and "08000 121 700" in html


def test_navigation_link_must_stay_on_this_site(demo_site):
    from django.core.exceptions import ValidationError

    for address in ["https://elsewhere.example/", "//elsewhere.example/", "javascript:alert(1)"]:
        item = NavigationItem(label="Away", link_url=address)
        with pytest.raises(ValidationError):
            item.clean()


def test_exit_target_must_be_https(demo_site):
    from django.core.exceptions import ValidationError

    safety = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    for address in ["http://weather.example/", "javascript:alert(1)", "/exit/"]:
        safety.exit_url = address
        with pytest.raises(ValidationError):
            safety.full_clean()
