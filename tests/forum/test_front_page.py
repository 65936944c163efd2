"""The forum front page shows life: the latest conversations a reader may read, with their category,
replies and last activity, at a constant number of queries; empty categories together, plainly."""

import pytest
from django.utils import timezone

from mscos.forum.models import ForumCategory
from tests.forum.test_reading import bulk_topic

pytestmark = pytest.mark.django_db


def latest_section(html: str) -> str:
    return html[html.index('id="latest-topics"') : html.index("</section>")]


def test_latest_conversations_across_categories_with_category_replies_and_activity(
    client, open_category, checked_category, member
):
    older = bulk_topic(open_category, member, replies=3, title="Finding a GP after the NRM")
    older.last_activity_at = timezone.now() - timezone.timedelta(days=2)
    older.save()
    bulk_topic(checked_category, member, replies=0, title="Waiting for a decision")
    html = client.get("/forums/").content.decode()
    latest = latest_section(html)
    assert latest.index("Waiting for a decision") < latest.index("Finding a GP after the NRM")
    assert checked_category.name in latest and open_category.name in latest
    assert "3 replies" in latest and "0 replies" in latest
    assert "last activity" in latest and "<time datetime=" in latest


def test_a_guest_never_sees_members_only_conversations(
    client, open_category, members_only_category, member
):
    bulk_topic(members_only_category, member, replies=0, title="Private plans")
    bulk_topic(open_category, member, replies=0, title="Open plans")
    assert "Private plans" not in client.get("/forums/").content.decode()
    client.force_login(member)
    assert "Private plans" in latest_section(client.get("/forums/").content.decode())


@pytest.mark.parametrize("count", [1, 40])
def test_front_page_queries_do_not_grow_with_conversations(
    client, db, member, django_assert_max_num_queries, count
):
    categories = ForumCategory.objects.bulk_create(
        ForumCategory(name=f"Category {n}", slug=f"category-{n}") for n in range(4)
    )
    for number in range(count):
        bulk_topic(categories[number % 4], member, replies=number, title=f"Topic {number}")
    with django_assert_max_num_queries(13):
        html = client.get("/forums/").content.decode()
    assert latest_section(html).count('class="topic-list__item"') == min(count, 8)


def test_empty_categories_are_grouped_and_marked(client, open_category, checked_category, member):
    bulk_topic(open_category, member, replies=0, title="Hello")
    ForumCategory.objects.filter(pk=open_category.pk).update(topic_count=1, post_count=1)
    html = client.get("/forums/").content.decode()
    empty = html[html.index('id="empty-categories"') :]
    assert "No conversations yet" in empty
    assert f'href="{checked_category.get_absolute_url()}"' in empty
    assert f'href="{open_category.get_absolute_url()}"' not in empty
