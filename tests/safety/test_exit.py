"""The exit route: it must end the session, clear site data and leave only for the set target."""

from django.contrib.sessions.models import Session

from mscos.core.models import SafetySettings
from tests.conftest import NEUTRAL_EXIT_URL


def test_exit_redirects_to_the_neutral_site_and_clears_site_data(client, demo_site):
    response = client.get("/exit/")
    assert response.status_code == 302
    assert response["Location"] == NEUTRAL_EXIT_URL
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert "no-store" in response["Cache-Control"]


def test_exit_ends_a_signed_in_session(client, demo_site, member):
    client.force_login(member)
    session_key = client.session.session_key
    assert Session.objects.filter(session_key=session_key).exists()
    response = client.get("/exit/")
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=session_key).exists()
    assert client.get("/exit/").wsgi_request.user.is_anonymous


def test_exit_works_as_a_post_without_a_csrf_token(demo_site, member):
    from django.test import Client

    strict_client = Client(enforce_csrf_checks=True)
    strict_client.force_login(member)
    response = strict_client.post("/exit/")
    assert response.status_code == 302
    assert response["Location"] == NEUTRAL_EXIT_URL


def test_exit_ignores_any_target_the_request_names(client, demo_site):
    for query in [
        "?next=https://evil.example/",
        "?url=//evil.example",
        "?exit_url=https://evil.example",
    ]:
        response = client.get("/exit/" + query)
        assert response["Location"] == NEUTRAL_EXIT_URL


def test_exit_follows_the_editors_choice(client, demo_site):
    safety = SafetySettings.for_site(demo_site)
    safety.exit_url = "https://www.example.org/news"
    safety.save()
    assert client.get("/exit/")["Location"] == "https://www.example.org/news"


def test_exit_falls_back_to_the_default_when_the_stored_target_is_unsafe(
    client, demo_site, settings
):
    SafetySettings.objects.filter(site=demo_site).update(exit_url="javascript:alert(1)")
    response = client.get("/exit/")
    assert response.status_code == 302
    assert response["Location"] == settings.DEFAULT_EXIT_URL
