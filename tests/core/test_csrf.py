"""Forms work under `Referrer-Policy: no-referrer`, and stay closed to other sites."""

import pytest
from django.test import Client

from mscos.accounts.models import User

FORM = "/account/display-name/"


@pytest.fixture
def browser_like(member):
    """A client that, like a browser, must send the CSRF token; signed in as a member."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    client.get(FORM)
    return client


def post(client, secure: bool, **headers):
    token = client.cookies["csrftoken"].value
    return client.post(
        FORM,
        {"display_name": "Renamed", "csrfmiddlewaretoken": token},
        secure=secure,
        headers=headers,
    )


@pytest.mark.parametrize("secure", [False, True])
def test_same_origin_form_with_null_origin_and_no_referer_is_accepted(browser_like, member, secure):
    # What Chromium sends for a form on this site when Referrer-Policy is no-referrer.
    response = post(browser_like, secure, origin="null", sec_fetch_site="same-origin")
    assert response.status_code == 302
    assert User.objects.get(pk=member.pk).display_name == "Renamed"


@pytest.mark.parametrize("secure", [False, True])
def test_cross_site_form_is_refused_even_with_a_stolen_token(browser_like, member, secure):
    response = post(browser_like, secure, origin="null", sec_fetch_site="cross-site")
    assert response.status_code == 403
    response = post(
        browser_like, secure, origin="https://evil.example", sec_fetch_site="cross-site"
    )
    assert response.status_code == 403
    assert User.objects.get(pk=member.pk).display_name == "River"


def test_same_origin_claim_does_not_replace_the_token(browser_like, member):
    response = browser_like.post(
        FORM, {"display_name": "Renamed"}, headers={"sec-fetch-site": "same-origin"}
    )
    assert response.status_code == 403
    assert User.objects.get(pk=member.pk).display_name == "River"


def test_https_without_referer_or_fetch_metadata_is_refused(browser_like, member):
    assert post(browser_like, True).status_code == 403


def test_a_refused_form_gets_a_plain_page_with_the_exit_control(browser_like, demo_site):
    response = browser_like.post(FORM, {"display_name": "Renamed"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Your form could not be sent" in html
    assert 'id="exit-this-page"' in html


def test_removing_the_csrf_middleware_is_a_system_check_error(settings):
    from mscos.core.checks import csrf_middleware_installed

    assert csrf_middleware_installed(None) == []
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "Csrf" not in m]
    assert [error.id for error in csrf_middleware_installed(None)] == ["mscos.E001"]
