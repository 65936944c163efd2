import datetime

import pytest
from django.test import Client
from django.utils import timezone

from mscos.accounts import roles
from mscos.accounts.models import User
from mscos.forum import services
from mscos.forum.models import ForumCategory, Post
from tests.conftest import with_role, with_two_factor
from tests.forum.conftest import fresh_rate_limits, open_category, topic  # noqa: F401


@pytest.fixture
def checked(db) -> ForumCategory:
    return ForumCategory.objects.create(name="Checked", slug="checked", premoderation="all")


def waiting_post(category, author, body, anonymous=False) -> Post:
    _topic, post, _ = services.topic_create(
        category=category,
        title=f"About {body[:20]}",
        body=body,
        acting_user=author,
        anonymous=anonymous,
    )
    return post


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def second_moderator(db) -> User:
    user = User.objects.create_user(
        username="mod2", password="a-long-pass-phrase", display_name="Moderator Two"
    )
    return with_two_factor(with_role(user, roles.MODERATOR))


@pytest.fixture
def safeguarding_lead(db) -> User:
    user = User.objects.create_user(
        username="lead", password="a-long-pass-phrase", display_name="Lead Lou"
    )
    return with_two_factor(with_role(user, roles.SAFEGUARDING))


def established_member(username: str, category: ForumCategory) -> User:
    """A member with standing: an account weeks old with approved posts (docs/moderation.md)."""
    user = User.objects.create_user(
        username=username, password="a-long-pass-phrase", display_name=username.title()
    )
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - datetime.timedelta(days=30))
    for number in range(2):
        services.topic_create(
            category=category,
            title=f"Hello from {username} {number}",
            body=f"A few words from {username}, number {number}.",
            acting_user=user,
        )
    user.refresh_from_db()
    return user


def established_members(count: int, category: ForumCategory) -> list[User]:
    return [established_member(f"steady{number}", category) for number in range(count)]
