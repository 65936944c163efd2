"""Fixtures for the outcome set, the practice library and the editors' workflow."""

import pytest
from django.test import Client

from mscos.accounts import roles
from mscos.accounts.models import User
from mscos.outcomes.models import OutcomePage
from tests.conftest import with_role, with_two_factor


@pytest.fixture(autouse=True)
def clean_cache(fresh_cache):
    """Settings and rate-limit counters cached by one test never leak into the next."""


@pytest.fixture
def approver(db) -> User:
    user = User.objects.create_user(
        username="appr", password="a-long-pass-phrase", display_name="Approver Ann", is_staff=True
    )
    return with_two_factor(with_role(user, roles.APPROVER))


@pytest.fixture
def safety_page(demo_site) -> OutcomePage:
    return OutcomePage.objects.get(slug="safety-from-any-trafficker-or-other-abuser")


@pytest.fixture
def housing_page(demo_site) -> OutcomePage:
    return OutcomePage.objects.get(slug="secure-and-suitable-housing")


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client
