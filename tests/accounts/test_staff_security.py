"""Staff accounts are hard to take over: two-factor for staff pages, short sessions, throttling."""

import pytest
from django.core.cache import cache
from django.test import Client

from mscos.accounts import roles
from mscos.accounts.models import User
from tests.conftest import with_role, with_two_factor

STAFF_PATHS = ["/admin/", "/django-admin/", "/admin/pages/"]


@pytest.fixture(autouse=True)
def fresh_rate_limits(fresh_cache):
    """Every test here starts with no rate-limit counters (see tests/conftest.py)."""


@pytest.fixture
def moderator_without_two_factor(db) -> User:
    user = User.objects.create_user(username="newmod", password="a-long-pass-phrase")
    return with_role(user, roles.MODERATOR)


@pytest.mark.parametrize("role", [roles.MODERATOR, roles.EDITOR, roles.ADMINISTRATOR])
@pytest.mark.parametrize("path", STAFF_PATHS)
def test_staff_without_two_factor_are_sent_to_set_it_up(client, db, role, path):
    user = with_role(User.objects.create_user(username="staff", password="pw-long-enough-1"), role)
    user.is_staff = role != roles.MODERATOR
    user.save()
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/account/2fa/totp/activate/"


def test_superuser_without_two_factor_is_stopped_too(client, db):
    root = User.objects.create_superuser(username="root2", password="pw-long-enough-1")
    client.force_login(root)
    assert client.get("/admin/")["Location"] == "/account/2fa/totp/activate/"


def test_staff_with_two_factor_reach_the_admin(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_members_do_not_need_two_factor_and_do_not_reach_the_admin(client, member):
    client.force_login(member)
    assert client.get("/account/").status_code == 200
    response = client.get("/admin/")
    assert response.status_code == 302  # to sign in with an account that may, not to set up 2FA
    assert response["Location"] == "/account/login/?next=/admin/"


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/"])
def test_admin_sign_in_pages_go_through_the_member_sign_in(client, db, path):
    response = client.get(path + "?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/account/login/?next=/admin/pages/"


def test_signing_in_as_staff_asks_for_the_second_factor(client, editor):
    response = client.post("/account/login/", {"login": "ed", "password": "a-long-pass-phrase"})
    assert response.status_code == 302
    assert response["Location"] == "/account/2fa/authenticate/"
    assert client.get("/admin/").status_code == 302  # not signed in until the code is given


def test_session_idle_limits_by_role(client, member, editor):
    client.force_login(member)
    client.get("/account/")
    assert client.session.get_expiry_age() == 2 * 60 * 60
    staff_client = Client()
    staff_client.force_login(editor)
    staff_client.get("/account/")
    assert staff_client.session.get_expiry_age() == 30 * 60


def test_session_cookies_are_httponly_and_samesite(client, member):
    response = client.post("/account/login/", {"login": "river", "password": "a-long-pass-phrase"})
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


TOO_MANY = "Too many failed login attempts"


def is_cooled_off(response) -> bool:
    # The sign-in form comes back (200) with the message; nobody is signed in.
    return response.status_code == 200 and TOO_MANY in response.content.decode()


def login(client, username, password, address="203.0.113.10"):
    return client.post(
        "/account/login/", {"login": username, "password": password}, REMOTE_ADDR=address
    )


def test_someone_who_knows_a_sign_in_name_cannot_lock_the_member_out(client, member):
    # The attack: wrong passwords for "river", again and again, from the attacker's addresses.
    for attempt in range(12):
        login(Client(), "river", "wrong-guess", address=f"203.0.113.{attempt % 3}")
    # The member, from their usual address, with the right password, gets in.
    signed_in = login(client, "river", "a-long-pass-phrase", address="192.0.2.200")
    assert signed_in.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_wrong_passwords_cool_off_the_guessing_address_for_that_account(client, member):
    for _ in range(5):
        login(client, "river", "wrong-guess", address="203.0.113.9")
    # Even the right password is refused from there for a while: a guesser cannot go on.
    assert is_cooled_off(login(client, "river", "a-long-pass-phrase", address="203.0.113.9"))
    assert "_auth_user_id" not in client.session


def test_the_cool_off_expires_so_nobody_is_locked_out_for_good(client, member):
    for _ in range(5):
        login(client, "river", "wrong-guess")
    assert is_cooled_off(login(client, "river", "a-long-pass-phrase"))
    cache.clear()  # what the passing of the cool-off period does to the counters
    assert login(client, "river", "a-long-pass-phrase").status_code == 302


def test_one_address_guessing_many_accounts_is_slowed(client, db):
    for number in range(10):
        User.objects.create_user(username=f"user{number}", password="a-long-pass-phrase")
        login(client, f"user{number}", "wrong-guess", address="198.51.100.7")
    assert is_cooled_off(login(client, "user0", "a-long-pass-phrase", address="198.51.100.7"))
    # The members themselves, elsewhere, are not locked out by it.
    assert login(Client(), "user0", "a-long-pass-phrase", address="192.0.2.1").status_code == 302


def test_member_can_set_up_two_factor(client, member):
    with_two_factor(member)
    from allauth.mfa.models import Authenticator

    assert Authenticator.objects.filter(user=member, type="totp").exists()
