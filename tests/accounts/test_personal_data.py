"""Members can take everything with them, and leave without a trace that names them."""

import base64
import json
import pickle

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.cache import cache
from django.db import connection, models

from mscos.accounts import services
from mscos.accounts.models import BadgeRequest, User
from tests.bot_check import human

DISPLAY_NAME = "Zephyrine Marlowe-Unique"
EMAIL = "zephyrine.unique@example.org"
USERNAME = "zephyrine_unique"


@pytest.fixture
def leaving_member(db) -> User:
    user = User.objects.create_user(
        username=USERNAME, password="a-long-pass-phrase", display_name=DISPLAY_NAME, email=EMAIL
    )
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    services.recovery_codes_replace(user=user, acting_user=user)
    services.badge_request_create(user=user, badge="lived_experience", note=f"I am {DISPLAY_NAME}")
    return user


def database_text() -> str:
    """Every row of every table, serialised: what a leak of the database would reveal."""
    chunks = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        chunks.append(serializers.serialize("json", model._default_manager.all()))
    return "\n".join(chunks)


def cache_text() -> str:
    """The shared cache's keys and decoded values (a table without Redis, else Redis itself)."""
    if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
        table = settings.CACHES["default"]["LOCATION"]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT cache_key, value FROM {table}")  # noqa: S608 - our setting
            rows = cursor.fetchall()
        # Our own cache's values, written by this test run.
        return "\n".join(f"{key} {pickle.loads(base64.b64decode(value))!r}" for key, value in rows)  # noqa: S301
    client = cache._cache.get_client()
    return "\n".join(f"{key!r} {client.dump(key)!r}" for key in client.scan_iter("*"))


def rows_pointing_at(user_id: int) -> list[str]:
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.ForeignKey)
                and field.related_model is User
                and model._default_manager.filter(**{field.attname: user_id}).exists()
            ):
                found.append(f"{model.__name__}.{field.name}")
    return found


def test_export_holds_everything_about_the_member(client, leaving_member):
    client.force_login(leaving_member)
    response = client.get("/account/privacy/export/")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["profile"]["display_name"] == DISPLAY_NAME
    assert data["profile"]["username"] == USERNAME
    assert data["email_addresses"] == [{"email": EMAIL, "verified": True, "primary": True}]
    assert data["recovery_codes"] == {"unused": 10}
    assert data["badge_requests"][0]["badge"] == "lived_experience"
    assert "password" not in response.content.decode()


def test_export_is_only_ever_ones_own(client, leaving_member, other_member):
    client.force_login(other_member)
    data = json.loads(client.get("/account/privacy/export/").content)
    assert DISPLAY_NAME not in json.dumps(data)


def test_export_needs_sign_in(client, db):
    assert client.get("/account/privacy/export/")["Location"].startswith("/account/login/")


def test_deletion_leaves_nothing_that_names_the_member(client, leaving_member, moderator):
    badge_request = BadgeRequest.objects.get(user=leaving_member)
    services.badge_request_decide(badge_request=badge_request, grant=True, acting_user=moderator)
    client.force_login(leaving_member)
    user_id = leaving_member.pk
    assert DISPLAY_NAME in database_text()
    response = client.post(
        "/account/privacy/delete/", {"posts": "delete", "password": "a-long-pass-phrase"}
    )
    assert response.status_code == 200
    assert "Your account is deleted" in response.content.decode()
    assert '"cookies"' in response["Clear-Site-Data"]
    dump = database_text()
    for trace in [DISPLAY_NAME, EMAIL, USERNAME]:
        assert trace not in dump
    assert rows_pointing_at(user_id) == []
    assert client.get("/account/").status_code == 302  # signed out


def test_deletion_needs_the_password_and_changes_nothing_without_it(client, leaving_member):
    client.force_login(leaving_member)
    response = client.post("/account/privacy/delete/", {"posts": "delete", "password": "wrong"})
    assert response.status_code == 400
    assert "That password is not right." in response.content.decode()
    assert User.objects.filter(pk=leaving_member.pk).exists()


def test_deletion_cannot_be_forged_across_sites(leaving_member):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(leaving_member)
    response = strict.post(
        "/account/privacy/delete/", {"posts": "delete", "password": "a-long-pass-phrase"}
    )
    assert response.status_code == 403
    assert User.objects.filter(pk=leaving_member.pk).exists()


def test_deletion_is_not_possible_with_get(client, leaving_member):
    client.force_login(leaving_member)
    assert client.get("/account/privacy/delete/").status_code == 405
    assert User.objects.filter(pk=leaving_member.pk).exists()


def test_no_raw_address_is_stored_or_logged(client, db, caplog, capfd):
    """A visit from a known address, then a search of every table, the cache and the logs."""
    address = "203.0.113.77"
    cache.clear()
    caplog.set_level("DEBUG")
    client.get("/", REMOTE_ADDR=address)
    client.post(
        "/account/signup/",
        human(
            {
                "display_name": "Tracer",
                "username": "tracer",
                "password1": "plain-but-long-enough-7",
                "password2": "plain-but-long-enough-7",
            }
        ),
        REMOTE_ADDR=address,
    )
    client.logout()
    for _ in range(3):
        client.post("/account/login/", {"login": "tracer", "password": "bad"}, REMOTE_ADDR=address)
    client.post("/account/recover/", {"username": "tracer", "code": "x"}, REMOTE_ADDR=address)
    client.get("/no-such-page/", REMOTE_ADDR=address)
    assert User.objects.filter(username="tracer").exists()
    assert address not in database_text()
    cached = cache_text()
    assert "allauth" in cached  # the rate-limit counters are there, keyed without the address
    assert address not in cached
    logged = caplog.text + "".join(capfd.readouterr())
    assert address not in logged
