"""A shared cast of people and objects for every test."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache, caches
from django.utils import translation
from wagtail.models import Site

from mscos.accounts import roles
from mscos.accounts.models import User
from mscos.core import shell_memo
from mscos.core.models import SafetySettings
from mscos.forum.models import ForumCategory
from mscos.outcomes.models import OutcomePage
from tests import demo_snapshot as demo_snapshot_module

NEUTRAL_EXIT_URL = "https://neutral.example/weather"


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the default language. The language middleware activates the language
    of each request in the thread serving it; for the test client that is the test's own thread,
    so a request to /ar/ would otherwise leave every later `reverse()` prefixed with /ar/."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def no_page_kept_from_another_test():
    """Readers' kept pages (core/page_cache.py), Wagtail's cached picture sizes and the page
    shell's memo (core/shell_memo.py) start empty in every test: rows kept in a cache would
    outlive the test's rolled-back ones."""
    caches["pages"].clear()
    caches["renditions"].clear()
    shell_memo.forget()
    yield


def pytest_collection_modifyitems(items):
    """The demo content is set up before a test's other objects, so the snapshot of it can be
    replayed as taken (see tests/demo_snapshot.py) rather than loaded again around them."""
    for item in items:
        names = getattr(item, "fixturenames", None)
        if names and "demo_site" in names:
            names.remove("demo_site")
            names.insert(0, "demo_site")


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker) -> demo_snapshot_module.Changes:
    with django_db_blocker.unblock():
        return demo_snapshot_module.take()


@pytest.fixture
def demo_site(db, demo_snapshot):
    """The demo content, as `make run` loads it."""
    # The cache table outlives the emptying between browser tests; its rate counters must not.
    cache.clear()
    demo_snapshot_module.replay(demo_snapshot)
    site = Site.objects.get(is_default_site=True)
    safety = SafetySettings.for_site(site)
    safety.exit_url = NEUTRAL_EXIT_URL
    safety.save()
    return site


@pytest.fixture
def fresh_cache(db):
    """Rate-limit counters and cached settings start empty and are left empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def outcome_page(demo_site) -> OutcomePage:
    return OutcomePage.objects.get(slug="safety-from-any-trafficker-or-other-abuser")


@pytest.fixture
def forum_categories(demo_site) -> list[ForumCategory]:
    return list(ForumCategory.objects.order_by("sort_order"))


@pytest.fixture
def member(db) -> User:
    return User.objects.create_user(
        username="river", password="a-long-pass-phrase", display_name="River"
    )


@pytest.fixture
def other_member(db) -> User:
    return User.objects.create_user(
        username="sky", password="a-long-pass-phrase", display_name="Sky"
    )


def with_two_factor(user: User) -> User:
    """Gives a staff account an authenticator app, as it must have before reaching staff pages."""
    TOTP.activate(user, generate_totp_secret())
    return user


def with_role(user: User, role: str) -> User:
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def admin_user(db) -> User:
    """An administrator (superuser) with two-factor sign-in set up."""
    user = User.objects.create_superuser(
        username="root", password="a-long-pass-phrase", display_name="Admin"
    )
    return with_two_factor(with_role(user, roles.ADMINISTRATOR))


@pytest.fixture
def moderator(db) -> User:
    user = User.objects.create_user(
        username="mod", password="a-long-pass-phrase", display_name="Moderator Mo"
    )
    return with_two_factor(with_role(user, roles.MODERATOR))


@pytest.fixture
def editor(db) -> User:
    user = User.objects.create_user(
        username="ed", password="a-long-pass-phrase", display_name="Editor Ed", is_staff=True
    )
    return with_two_factor(with_role(user, roles.EDITOR))
