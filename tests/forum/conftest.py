"""Forum fixtures: categories with different rules, and posting as a person would."""

import pytest

from mscos.forum import services
from mscos.forum.models import ForumCategory
from tests.bot_check import started_long_ago


@pytest.fixture(autouse=True)
def fresh_rate_limits(fresh_cache):
    """Every test here starts with no rate-limit counters (see tests/conftest.py)."""


@pytest.fixture
def open_category(db) -> ForumCategory:
    """Posts appear at once for members; guests may post (always checked first)."""
    return ForumCategory.objects.create(
        name="Open talk", slug="open-talk", premoderation="none", guests_may_post=True
    )


@pytest.fixture
def checked_category(db) -> ForumCategory:
    return ForumCategory.objects.create(
        name="Checked talk", slug="checked-talk", premoderation="new_members", first_posts_checked=2
    )


@pytest.fixture
def members_only_category(db) -> ForumCategory:
    return ForumCategory.objects.create(
        name="Members room",
        slug="members-room",
        read_access="members",
        guests_may_post=False,
        premoderation="none",
    )


@pytest.fixture
def topic(open_category, member):
    topic, _post, _token = services.topic_create(
        category=open_category,
        title="Housing after the NRM",
        body="Opening words",
        acting_user=member,
    )
    return topic


def form_data(**fields) -> dict:
    return {"started": started_long_ago(), "website": "", "content_note": "", **fields}
