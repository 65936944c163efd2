"""The two-step sign-in pages (allauth's MFA) are the site's own: inside the page shell with the
exit control, in sentence case and plain words, every action a button a keyboard reaches."""

import re

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import Client

from mscos.accounts.models import User
from tests.e2e.test_editorial_workflow import current_code

TITLE_CASE = [
    "Two-Factor Authentication",
    "Authenticator App",
    "Recovery Codes",
    "Activate Authenticator",
    "Deactivate Authenticator",
    "Sign In",
    "Generate new codes",
    "Download codes",
    "Unused codes",
    "Authenticator secret",
]


@pytest.fixture
def staff(db) -> User:
    return User.objects.create_user(
        username="kite", password="a-long-pass-phrase", display_name="Kite", is_staff=True
    )


def _in_the_shell(html: str) -> None:
    assert 'id="exit-this-page"' in html
    assert re.search(r"<h1[^>]*>", html)
    for words in TITLE_CASE:
        assert words not in html, words


def _signed_in(user: User, secret: str = "") -> Client:
    """Signed in as a person does (password, then the app's code), so no password is asked again."""
    client = Client()
    client.post("/account/login/", {"login": user.username, "password": "a-long-pass-phrase"})
    if secret:
        client.post("/account/2fa/authenticate/", {"code": current_code(secret)})
    return client


def _heading(html: str) -> str:
    return re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)).strip()


def test_setting_up_the_app_is_in_the_sites_words(staff):
    client = _signed_in(staff)
    overview = client.get("/account/2fa/").content.decode()
    _in_the_shell(overview)
    assert _heading(overview) == "Two-step sign-in"
    assert 'href="/account/2fa/totp/activate/"' in overview
    activate = client.get("/account/2fa/totp/activate/").content.decode()
    _in_the_shell(activate)
    assert _heading(activate) == "Set up an authenticator app"
    assert 'src="data:image/svg+xml' in activate  # the picture, from the site itself
    assert re.search(r'<label[^>]*for="id_code"', activate)
    assert re.search(r"<button[^>]*type=\"submit\"[^>]*>Turn on</button>", activate)


def test_recovery_codes_and_turning_off_are_in_the_sites_words(staff):
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    RecoveryCodes.activate(staff)
    client = _signed_in(staff, secret)
    pages = {
        "/account/2fa/": "Two-step sign-in",
        "/account/2fa/recovery-codes/": "Your recovery codes",
        "/account/2fa/recovery-codes/generate/": "Make new recovery codes",
        "/account/2fa/totp/deactivate/": "Turn off the authenticator app",
    }
    for path, heading in pages.items():
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        _in_the_shell(html)
        assert _heading(html) == heading, path
    codes = client.get("/account/2fa/recovery-codes/").content.decode()
    assert len(re.findall(r"<li><code>[^<]+</code></li>", codes)) == len(
        RecoveryCodes(staff.authenticator_set.get(type="recovery_codes")).get_unused_codes()
    )


def test_the_code_asked_at_sign_in_is_in_the_sites_words(staff):
    TOTP.activate(staff, generate_totp_secret())
    client = Client()
    response = client.post(
        "/account/login/", {"login": "kite", "password": "a-long-pass-phrase"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/account/2fa/authenticate/"
    html = response.content.decode()
    _in_the_shell(html)
    assert _heading(html) == "Enter your sign-in code"
    assert "recovery codes" in html
    assert re.search(r"<button[^>]*type=\"submit\"[^>]*>Sign in</button>", html)
    assert "Cancel and sign out" in html
    # A wrong code comes back with a plain error, still in the shell.
    refused = client.post("/account/2fa/authenticate/", {"code": "000000"})
    assert refused.status_code == 200
    _in_the_shell(refused.content.decode())
    assert "error-summary" in refused.content.decode()
