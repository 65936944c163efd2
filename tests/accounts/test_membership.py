"""Joining without giving away who you are; getting back in without email."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache

from mscos.accounts.models import RecoveryCode, User
from tests.bot_check import human

SIGNUP = "/account/signup/"


@pytest.fixture(autouse=True)
def fresh_rate_limits(fresh_cache):
    """Every test here starts with no rate-limit counters (see tests/conftest.py)."""


def sign_up(client, **fields):
    """Sign-up as a person sends it: the bot check's fields as the page gave them, filled slowly."""
    data = {
        "display_name": "Quiet Heron",
        "username": "heron42",
        "password1": "plain-but-long-enough-7",
        "password2": "plain-but-long-enough-7",
        **fields,
    }
    return client.post(SIGNUP, human(data))


def codes_on(html: str) -> list[str]:
    return re.findall(r"<code>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})</code>", html)


def test_signup_form_asks_for_no_real_name_and_allows_paste(client, db):
    html = client.get(SIGNUP).content.decode()
    assert "Display name" in html and "Sign-in name" in html
    assert re.search(r"Email address <span[^>]*>\(optional\)</span>", html)
    assert "onpaste" not in html and "captcha" not in html.lower()
    assert re.search(r'<label[^>]+for="id_password1"', html)


def test_signup_without_email_shows_recovery_codes_once(client, db):
    response = sign_up(client)
    assert response.status_code == 302 and response["Location"] == "/account/recovery-codes/"
    user = User.objects.get(username="heron42")
    assert user.display_name == "Quiet Heron" and user.email == ""
    page = client.get("/account/recovery-codes/").content.decode()
    codes = codes_on(page)
    assert len(codes) == 10 and len(set(codes)) == 10
    download = client.get("/account/recovery-codes/download/")
    assert download["Content-Disposition"].startswith("attachment")
    assert all(code in download.content.decode() for code in codes)
    # Stored only as hashes.
    stored = " ".join(RecoveryCode.objects.filter(user=user).values_list("code_hash", flat=True))
    assert not any(code in stored or code.replace("-", "") in stored for code in codes)
    client.post("/account/recovery-codes/saved/")
    assert codes_on(client.get("/account/recovery-codes/").content.decode()) == []
    assert client.get("/account/recovery-codes/download/").status_code == 302


def test_signup_with_email_sends_a_verification_and_marks_it_unverified(client, db, mailoutbox):
    response = sign_up(client, email="heron@example.org")
    assert response.status_code == 302
    address = EmailAddress.objects.get(email="heron@example.org")
    assert address.verified is False
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["heron@example.org"]
    assert "confirm" in mailoutbox[0].body.lower()
    # The verification mail never names the sign-in name to whoever reads that mailbox.
    assert "heron42" not in mailoutbox[0].body


def test_bad_signup_input_gets_clear_errors_and_creates_nothing(client, db):
    response = sign_up(client, display_name=" ", password2="something-else-entirely")
    html = response.content.decode()
    assert response.status_code == 200
    assert "display name" in html.lower()
    assert not User.objects.filter(username="heron42").exists()


def test_recovery_code_resets_the_password_once(client, db):
    sign_up(client)
    codes = codes_on(client.get("/account/recovery-codes/").content.decode())
    client.logout()
    form = {
        "username": "HERON42",
        "code": codes[0].upper(),
        "new_password1": "a-brand-new-phrase-9",
        "new_password2": "a-brand-new-phrase-9",
    }
    response = client.post("/account/recover/", form)
    assert response.status_code == 302 and response["Location"] == "/account/login/"
    assert User.objects.get(username="heron42").check_password("a-brand-new-phrase-9")
    again = client.post(
        "/account/recover/",
        {**form, "new_password1": "x-another-phrase-10", "new_password2": "x-another-phrase-10"},
    )
    assert "do not match" in again.content.decode()
    assert User.objects.get(username="heron42").check_password("a-brand-new-phrase-9")


def test_wrong_code_and_unknown_member_get_the_same_answer(client, db):
    sign_up(client)
    client.logout()
    base = {
        "code": "aaaa-bbbb-cccc",
        "new_password1": "a-brand-new-phrase-9",
        "new_password2": "a-brand-new-phrase-9",
    }
    known = client.post("/account/recover/", {**base, "username": "heron42"}).content.decode()
    unknown = client.post("/account/recover/", {**base, "username": "nobody-here"}).content.decode()
    message = "That sign-in name and recovery code do not match."
    assert message in known and message in unknown


def test_guessing_recovery_codes_is_throttled_per_account(client, db):
    sign_up(client)
    codes = codes_on(client.get("/account/recovery-codes/").content.decode())
    client.logout()
    base = {
        "username": "heron42",
        "new_password1": "a-brand-new-phrase-9",
        "new_password2": "a-brand-new-phrase-9",
    }
    for attempt in range(5):
        client.post(
            "/account/recover/",
            {**base, "code": f"wrong-{attempt:04d}-zzzz"},
            REMOTE_ADDR=f"198.51.100.{attempt}",
        )
    blocked = client.post(
        "/account/recover/", {**base, "code": codes[0]}, REMOTE_ADDR="198.51.100.99"
    )
    assert blocked.status_code == 429
    assert not User.objects.get(username="heron42").check_password("a-brand-new-phrase-9")
    cache.clear()  # the cool-off has passed
    assert client.post("/account/recover/", {**base, "code": codes[0]}).status_code == 302


def test_recovery_ends_sessions_elsewhere(client, db):
    from django.test import Client

    sign_up(client)
    codes = codes_on(client.get("/account/recovery-codes/").content.decode())
    other_device = Client()
    other_device.post(
        "/account/recover/",
        {
            "username": "heron42",
            "code": codes[1],
            "new_password1": "a-brand-new-phrase-9",
            "new_password2": "a-brand-new-phrase-9",
        },
    )
    assert client.get("/account/").status_code == 302  # signed out on the first device


def test_username_and_email_are_never_shown_to_others(client, member, other_member, demo_site):
    member.email = "river@example.org"
    member.save()
    client.force_login(other_member)
    for path in ["/", "/forums/", "/account/"]:
        html = client.get(path).content.decode()
        assert "river@example.org" not in html
        assert ">river<" not in html


def test_password_reset_mail_goes_only_to_a_verified_address(client, member, mailoutbox):
    EmailAddress.objects.create(user=member, email="typo@example.org", verified=False, primary=True)
    client.post("/account/password/reset/", {"email": "typo@example.org"})
    assert [m for m in mailoutbox if "typo@example.org" in m.to and "reset" in m.body.lower()] == []
    EmailAddress.objects.filter(user=member).update(verified=True)
    client.post("/account/password/reset/", {"email": "typo@example.org"})
    assert any(
        "typo@example.org" in m.to and "/account/password/reset/key/" in m.body for m in mailoutbox
    )


def test_changing_email_is_verified_before_it_is_used(client, member, mailoutbox):
    EmailAddress.objects.create(user=member, email="old@example.org", verified=True, primary=True)
    client.force_login(member)
    response = client.post("/account/email/", {"action_add": "", "email": "new@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/account/email/"
    new = EmailAddress.objects.get(email="new@example.org")
    assert new.verified is False
    assert any(m.to == ["new@example.org"] for m in mailoutbox)
    # Until confirmed, the old address stays the one in use.
    assert EmailAddress.objects.get(user=member, primary=True).email == "old@example.org"
