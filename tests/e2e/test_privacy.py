"""Anonymous readers get no cookie, and no page asks another origin for anything."""

import pytest
from playwright.sync_api import expect

PUBLIC_PAGES = [
    ("/", 200),
    ("/core-outcomes/safety-from-any-trafficker-or-other-abuser/", 200),
    ("/forums/", 200),
    ("/forums/safety-from-any-trafficker-or-other-abuser/", 200),
    ("/community-of-practice/updates/", 200),
    ("/community-of-practice/updates/week-22-safety-from-any-trafficker-or-other-abuser/", 200),
    ("/staying-safe-online/", 200),
    ("/no-such-page-here/", 404),
]


@pytest.mark.browser
def test_anonymous_visit_sets_no_cookie_and_stays_on_this_origin(page, context, offsite_requests):
    responses = []
    page.on("response", lambda response: responses.append(response))
    for path, status in PUBLIC_PAGES:
        response = page.goto(path)
        assert response is not None and response.status == status, path
        expect(page.locator("#exit-this-page")).to_be_visible()

    assert context.cookies() == []
    assert page.evaluate("() => document.cookie") == ""
    set_cookie = [
        (response.url, value)
        for response in responses
        if (value := response.all_headers().get("set-cookie"))
    ]
    assert set_cookie == []
    assert offsite_requests == [], "a page requested another origin"
