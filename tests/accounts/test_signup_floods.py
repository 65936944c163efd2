"""Sign-up resists floods without an outside CAPTCHA (the public forms' bot check and a limit per
hashed address), and new accounts start on a short probation a moderator can lift."""

import pytest
from django.test import Client, override_settings

from mscos.accounts import roles
from mscos.accounts.forms import SIGNUP_RATE_LIMITED_MESSAGE, SignupForm
from mscos.accounts.models import User
from mscos.forum.models import ForumCategory, Post, Status
from mscos.moderation.models import AuditEntry
from tests.bot_check import human
from tests.conftest import with_role, with_two_factor
from tests.forum.conftest import form_data

SIGNUP = "/account/signup/"


@pytest.fixture(autouse=True)
def fresh_rate_limits(fresh_cache):
    """Every test here starts with no rate-limit counters (see tests/conftest.py)."""


def _fields(number: int) -> dict:
    return {
        "display_name": f"Heron {number}",
        "username": f"heron{number}",
        "password1": "plain-but-long-enough-7",
        "password2": "plain-but-long-enough-7",
    }


def _escaped(message) -> str:
    return str(message).replace("'", "&#x27;")


def test_25_sign_ups_from_rotating_addresses_without_the_bot_check_are_all_refused(db):
    for number in range(25):
        response = Client().post(SIGNUP, _fields(number), REMOTE_ADDR=f"198.51.100.{number + 1}")
        assert response.status_code == 200
        html = response.content.decode()
        assert _escaped(SignupForm.out_of_date_message) in html
        assert 'value="Heron' in html  # what they typed comes back
    assert not User.objects.filter(username__startswith="heron").exists()


def test_a_sign_up_with_the_hidden_field_filled_is_refused_kindly(db):
    response = Client().post(SIGNUP, human({**_fields(1), "website": "https://spam.example"}))
    assert _escaped(SignupForm.honeypot_message) in response.content.decode()
    assert not User.objects.filter(username="heron1").exists()


@override_settings(ACCOUNT_SIGNUPS_PER_ADDRESS_PER_HOUR=3)
def test_one_address_makes_only_a_few_accounts_an_hour(db):
    for number in range(3):
        made = Client().post(SIGNUP, human(_fields(number)), REMOTE_ADDR="203.0.113.9")
        assert made.status_code == 302
    refused = Client().post(SIGNUP, human(_fields(9)), REMOTE_ADDR="203.0.113.9")
    html = refused.content.decode()
    assert refused.status_code == 200 and _escaped(SIGNUP_RATE_LIMITED_MESSAGE) in html
    assert 'value="Heron 9"' in html
    assert not User.objects.filter(username="heron9").exists()
    # Another address is not affected.
    other = Client().post(SIGNUP, human(_fields(10)), REMOTE_ADDR="203.0.113.10")
    assert other.status_code == 302


def test_a_typo_does_not_use_up_the_hourly_allowance(db, settings):
    settings.ACCOUNT_SIGNUPS_PER_ADDRESS_PER_HOUR = 1
    client = Client()
    client.post(SIGNUP, human({**_fields(1), "password2": "not-the-same-at-all-1"}))
    assert client.post(SIGNUP, human(_fields(1))).status_code == 302


def test_a_new_account_is_on_probation_until_a_moderator_lifts_it(db):
    category = ForumCategory.objects.create(
        name="Open talk", slug="open-talk", premoderation="none"
    )
    newcomer = Client()
    assert newcomer.post(SIGNUP, human(_fields(1))).status_code == 302
    account = User.objects.get(username="heron1")
    assert account.on_probation
    newcomer.post(
        f"/forums/{category.slug}/new/",
        form_data(
            title="Hello", body="Hello everyone, glad to have found this group", understood="on"
        ),
    )
    first = Post.objects.get(author=account)
    assert first.status == Status.PENDING  # waits for a moderator, though the category does not

    moderator = with_two_factor(
        with_role(
            User.objects.create_user(username="mod", password="a-long-pass-phrase"),
            roles.MODERATOR,
        )
    )
    staff = Client()
    staff.force_login(moderator)
    page = staff.get(f"/moderation/member/{account.pk}/").content.decode()
    assert "on probation" in page and "Lift probation" in page
    staff.post(
        f"/moderation/member/{account.pk}/",
        {"action": "lift_probation", "reason": "Known to our partner charity"},
    )
    account.refresh_from_db()
    assert not account.on_probation and account.probation_lifted_at is not None
    entry = AuditEntry.objects.get(action="probation_lifted")
    assert entry.actor == moderator and entry.target_id == account.pk
    assert entry.reason == "Known to our partner charity"
    assert "Lift probation" not in staff.get(f"/moderation/member/{account.pk}/").content.decode()

    newcomer.post(
        f"/forums/{category.slug}/new/",
        form_data(
            title="Again", body="The housing workshop on Tuesday was useful", understood="on"
        ),
    )
    again = Post.objects.get(author=account, body="The housing workshop on Tuesday was useful")
    assert again.status == Status.APPROVED, again.held_because


def test_members_cannot_lift_probation(db, member, other_member):
    User.objects.filter(pk=other_member.pk).update(on_probation=True)
    client = Client()
    client.force_login(member)
    client.post(f"/moderation/member/{other_member.pk}/", {"action": "lift_probation"})
    other_member.refresh_from_db()
    assert other_member.on_probation
    assert not AuditEntry.objects.filter(action="probation_lifted").exists()
