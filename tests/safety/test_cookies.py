"""The cookies the site leaves in a browser: nothing lasting for readers, nothing after Exit."""

from django.conf import settings
from django.test import Client

from mscos.forum.models import Post, Status
from mscos.safety.views import site_cookie_names


def test_the_csrf_cookie_comes_only_with_a_form_and_ends_with_the_browser(client, demo_site):
    topic_id = Post.objects.filter(status=Status.APPROVED).order_by("pk").first().topic_id
    assert client.get(f"/forums/t/{topic_id}/").cookies == {}
    response = client.get(f"/forums/t/{topic_id}/reply/")
    assert list(response.cookies) == [settings.CSRF_COOKIE_NAME]
    morsel = response.cookies[settings.CSRF_COOKIE_NAME]
    assert morsel["max-age"] == "" and morsel["expires"] == "", "the CSRF cookie outlives the visit"


def test_an_anonymous_session_ends_with_the_browser(client, demo_site):
    # Anything that gives a reader without an account a session (a notice, a sign-in attempt)
    # gets a browser-session cookie, not one that lasts for hours after the browser closes.
    response = client.post("/account/login/", {"login": "nobody", "password": "wrong-guess"})
    session = response.cookies.get(settings.SESSION_COOKIE_NAME)
    if session is not None:
        assert session["max-age"] == "" and session["expires"] == ""


def test_notices_travel_in_the_session_never_in_a_cookie(demo_site, member):
    client = Client()
    client.force_login(member)
    response = client.post("/account/display-name/", {"display_name": "Wren Hidden-Name"})
    assert response.status_code == 302
    assert "messages" not in response.cookies, "a notice (with a display name) went in a cookie"
    follow = client.get(response["Location"])
    assert "messages" not in follow.cookies
    assert any(message for message in follow.context["messages"])


def test_exit_removes_every_cookie_the_site_sets_by_name(demo_site, member):
    client = Client()
    client.force_login(member)
    for name in site_cookie_names():
        if name != settings.SESSION_COOKIE_NAME:
            client.cookies[name] = "left behind"
    response = client.get("/exit/")
    expected = {
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
        "messages",
        "mfa_trusted",
    }
    assert expected <= set(site_cookie_names())
    for name in expected:
        morsel = response.cookies[name]
        assert morsel.value == "" and morsel["max-age"] == 0, f"{name} is not removed by Exit"
        assert morsel["path"] == "/"
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'


def test_exit_removes_cookies_even_for_a_reader_who_never_signed_in(client, demo_site):
    client.cookies[settings.CSRF_COOKIE_NAME] = "from the reply form"
    response = client.get("/exit/")
    assert response.cookies[settings.CSRF_COOKIE_NAME]["max-age"] == 0
