"""The forum's stored counts (docs/decisions/0011-denormalised-forum-counters.md) are exactly what
a recount from the posts table gives, after every change that can move them.

What is stored: a topic's reply count and last activity (its latest public post), a category's
topic count, post count and last activity. Members have no stored counts. Each test walks one
path (posting, waiting and approving, hiding and rejecting and undoing, editing, deleting, moving,
erasing an account) and after every step compares every stored count with `recounted()`, and
states the numbers a reader would see.
"""

import datetime

import pytest
from django.db.models import Max
from django.test import Client

from mscos.accounts.models import User
from mscos.accounts.services import account_delete
from mscos.forum import services
from mscos.forum.models import ForumCategory, Post, Status, Topic
from mscos.moderation import services as moderation
from mscos.moderation.models import Decision, WatchedWord


def recounted() -> dict:
    """Every stored count worked out again from scratch: posts and their statuses alone.

    Public means approved, in an approved topic for the category's counts. A topic with no
    public post has no "latest post" to compare (nobody sees it), so it is left out of dates.
    """
    public = Post.objects.filter(status=Status.APPROVED)
    topics = {}
    for topic in Topic.objects.all():
        in_topic = public.filter(topic=topic)
        topics[topic.pk] = (
            in_topic.filter(position__gt=1).count(),
            in_topic.aggregate(last=Max("created_at"))["last"],
        )
    categories = {}
    for category in ForumCategory.objects.all():
        shown = public.filter(topic__category=category, topic__status=Status.APPROVED)
        categories[category.pk] = (
            Topic.objects.filter(category=category, status=Status.APPROVED).count(),
            shown.count(),
            shown.aggregate(last=Max("created_at"))["last"],
        )
    return {"topics": topics, "categories": categories}


def stored() -> dict:
    """The same, as the columns hold it."""
    dates = recounted()["topics"]
    return {
        "topics": {
            topic.pk: (
                topic.reply_count,
                topic.last_activity_at if dates[topic.pk][1] is not None else None,
            )
            for topic in Topic.objects.all()
        },
        "categories": {
            category.pk: (category.topic_count, category.post_count, category.last_activity_at)
            for category in ForumCategory.objects.all()
        },
    }


def assert_counts_true() -> None:
    assert stored() == recounted()


def replies(topic: Topic) -> int:
    return Topic.objects.get(pk=topic.pk).reply_count


def last_post_at(topic: Topic) -> datetime.datetime:
    return Topic.objects.get(pk=topic.pk).last_activity_at


def counts(category: ForumCategory) -> tuple[int, int]:
    category.refresh_from_db()
    return category.topic_count, category.post_count


def reply(topic: Topic, author: User, body: str) -> Post:
    post, _token = services.post_create(
        topic=Topic.objects.get(pk=topic.pk), body=body, acting_user=author
    )
    return post


def fresh(post: Post) -> Post:
    return Post.objects.select_related("topic").get(pk=post.pk)


@pytest.fixture
def checked_everything(db) -> ForumCategory:
    return ForumCategory.objects.create(name="Checked", slug="checked", premoderation="all")


@pytest.fixture
def elsewhere(db) -> ForumCategory:
    return ForumCategory.objects.create(name="Elsewhere", slug="elsewhere", premoderation="none")


def test_posting_a_topic_and_replying_count_at_once(open_category, member, other_member):
    assert_counts_true()
    assert counts(open_category) == (0, 0)
    topic, opener, _ = services.topic_create(
        category=open_category, title="Work permits", body="Where do I start?", acting_user=member
    )
    assert_counts_true()
    assert counts(open_category) == (1, 1)
    assert (replies(topic), last_post_at(topic)) == (0, opener.created_at)
    first = reply(topic, other_member, "At the council")
    second = reply(topic, member, "Thank you")
    assert_counts_true()
    assert counts(open_category) == (1, 3)
    assert (replies(topic), last_post_at(topic)) == (2, second.created_at)
    assert open_category.last_activity_at == second.created_at > first.created_at


def test_a_waiting_post_counts_only_once_approved(
    checked_everything, member, other_member, moderator
):
    topic, opener, _ = services.topic_create(
        category=checked_everything, title="Benefits", body="A question", acting_user=member
    )
    assert opener.status == Status.PENDING
    assert_counts_true()
    assert counts(checked_everything) == (0, 0)
    assert checked_everything.last_activity_at is None
    moderation.queue_approve(post=fresh(opener), acting_user=moderator)
    assert_counts_true()
    assert counts(checked_everything) == (1, 1)
    late = reply(topic, other_member, "Written first, approved last")
    assert late.status == Status.PENDING
    assert_counts_true()
    assert replies(topic) == 0
    on_time = reply(topic, moderator, "A moderator's reply appears at once")
    assert_counts_true()
    assert (replies(topic), counts(checked_everything)) == (1, (1, 2))
    moderation.queue_approve(post=fresh(late), acting_user=moderator)
    assert_counts_true()
    # The earlier post, approved now, does not become the topic's latest.
    assert (replies(topic), last_post_at(topic)) == (2, on_time.created_at)
    assert counts(checked_everything) == (1, 3)
    assert checked_everything.last_activity_at == on_time.created_at


def test_hiding_rejecting_and_undoing_move_the_counts_both_ways(
    open_category, checked_everything, member, other_member, moderator
):
    topic, _opener, _ = services.topic_create(
        category=open_category, title="Housing", body="Opening words", acting_user=member
    )
    kept = reply(topic, other_member, "A reply that stays")
    latest = reply(topic, other_member, "A reply a moderator hides")
    moderation.queue_hide(post=fresh(latest), acting_user=moderator, message="Off topic")
    assert_counts_true()
    # The hidden reply is neither counted nor the topic's latest any more.
    assert (replies(topic), last_post_at(topic)) == (1, kept.created_at)
    assert counts(open_category) == (1, 2)
    assert open_category.last_activity_at == kept.created_at
    hide = Decision.objects.filter(post=latest).latest("created_at")
    moderation.decision_undo(decision=hide, acting_user=moderator)
    assert_counts_true()
    assert (replies(topic), last_post_at(topic)) == (2, latest.created_at)
    assert counts(open_category) == (1, 3)

    waiting_topic, waiting, _ = services.topic_create(
        category=checked_everything, title="Asylum", body="Please help", acting_user=member
    )
    moderation.queue_reject(post=fresh(waiting), message="Please post again", acting_user=moderator)
    assert_counts_true()
    assert counts(checked_everything) == (0, 0)
    reject = Decision.objects.filter(post=waiting).latest("created_at")
    moderation.decision_undo(decision=reject, acting_user=moderator)
    assert fresh(waiting).status == Status.PENDING
    assert_counts_true()
    assert counts(checked_everything) == (0, 0)
    moderation.queue_approve(post=fresh(waiting), acting_user=moderator)
    assert_counts_true()
    assert counts(checked_everything) == (1, 1)
    approve = Decision.objects.filter(post=waiting).latest("created_at")
    moderation.decision_undo(decision=approve, acting_user=moderator)
    assert_counts_true()
    assert counts(checked_everything) == (0, 0)
    assert Topic.objects.get(pk=waiting_topic.pk).status == Status.PENDING


def test_hiding_a_topic_takes_all_its_posts_out_of_its_category(
    open_category, member, other_member, moderator
):
    other_topic, other_opener, _ = services.topic_create(
        category=open_category, title="Older topic", body="Still here", acting_user=other_member
    )
    topic, opener, _ = services.topic_create(
        category=open_category, title="Hidden soon", body="Opening words", acting_user=member
    )
    reply(topic, other_member, "First reply")
    reply(topic, other_member, "Second reply")
    assert counts(open_category) == (2, 4)
    services.topic_hide(topic=Topic.objects.get(pk=topic.pk), acting_user=moderator)
    assert_counts_true()
    # The hidden topic's replies are not counted in the category any more, nor its latest post.
    assert counts(open_category) == (1, 1)
    assert open_category.last_activity_at == other_opener.created_at
    services.post_approve(post=fresh(opener), acting_user=moderator)
    assert_counts_true()
    assert counts(open_category) == (2, 4)

    moderation.queue_hide(post=fresh(opener), acting_user=moderator)
    assert_counts_true()
    assert counts(open_category) == (1, 1)
    hide = Decision.objects.filter(post=opener).latest("created_at")
    moderation.decision_undo(decision=hide, acting_user=moderator)
    assert_counts_true()
    assert counts(open_category) == (2, 4)
    assert replies(topic) == 2 and replies(other_topic) == 0


def test_editing_counts_nothing_new_unless_the_post_goes_back_to_the_moderators(
    open_category, member, other_member, moderator
):
    topic, _opener, _ = services.topic_create(
        category=open_category, title="Training", body="Opening words", acting_user=member
    )
    mine = reply(topic, member, "A plain reply")
    services.post_edit(
        post=fresh(mine), body="A plain reply, better", content_note="", acting_user=member
    )
    assert_counts_true()
    assert (replies(topic), counts(open_category)) == (1, (1, 2))
    WatchedWord.objects.create(phrase="lawyer", action="hold")
    services.post_edit(post=fresh(mine), body="Ask my lawyer", content_note="", acting_user=member)
    assert fresh(mine).status == Status.PENDING
    assert_counts_true()
    assert (replies(topic), counts(open_category)) == (0, (1, 1))
    moderation.queue_approve(post=fresh(mine), acting_user=moderator)
    assert_counts_true()
    assert (replies(topic), counts(open_category)) == (1, (1, 2))

    guest_topic, guest_post, token = services.topic_create(
        category=open_category, title="A guest asks", body="Hello", guest_name="Ada"
    )
    assert_counts_true()
    assert counts(open_category) == (1, 2)
    services.post_approve(post=fresh(guest_post), acting_user=moderator)
    assert_counts_true()
    assert counts(open_category) == (2, 3)
    services.guest_post_edit(
        post=fresh(guest_post), token=token, body="Hello again", content_note=""
    )
    assert_counts_true()  # an edited guest post is checked again, and off the counts meanwhile
    assert counts(open_category) == (1, 2)
    assert Topic.objects.get(pk=guest_topic.pk).status == Status.PENDING


def test_deleting_posts_takes_them_out_of_the_counts(open_category, member, other_member):
    topic, opener, _ = services.topic_create(
        category=open_category, title="Schools", body="Opening words", acting_user=member
    )
    theirs = reply(topic, other_member, "A reply that stays")
    mine = reply(topic, member, "A reply I regret")
    services.post_delete(post=fresh(mine), acting_user=member)
    assert_counts_true()
    assert (replies(topic), last_post_at(topic)) == (1, theirs.created_at)
    assert counts(open_category) == (1, 2)
    # The opener goes; the reply keeps the topic.
    services.post_delete(post=fresh(opener), acting_user=member)
    assert_counts_true()
    assert (replies(topic), counts(open_category)) == (1, (1, 1))
    _alone, alone_opener, _ = services.topic_create(
        category=open_category,
        title="A second question",
        body="Any tips for forms?",
        acting_user=member,
    )
    assert counts(open_category) == (2, 2)
    services.post_delete(post=fresh(alone_opener), acting_user=member)
    assert_counts_true()
    assert counts(open_category) == (1, 1)
    assert open_category.last_activity_at == theirs.created_at


def test_moving_a_topic_moves_its_counts_and_undoing_moves_them_back(
    open_category, elsewhere, member, other_member, moderator
):
    staying, staying_opener, _ = services.topic_create(
        category=open_category, title="Stays", body="Here", acting_user=other_member
    )
    topic, opener, _ = services.topic_create(
        category=open_category, title="Moves", body="Opening words", acting_user=member
    )
    last = reply(topic, other_member, "A reply")
    moderation.queue_move_topic(post=fresh(opener), category=elsewhere, acting_user=moderator)
    assert_counts_true()
    assert counts(open_category) == (1, 1)
    assert counts(elsewhere) == (1, 2)
    assert open_category.last_activity_at == staying_opener.created_at
    assert elsewhere.last_activity_at == last.created_at
    move = Decision.objects.filter(post=opener).latest("created_at")
    moderation.decision_undo(decision=move, acting_user=moderator)
    assert_counts_true()
    assert counts(open_category) == (2, 3)
    assert counts(elsewhere) == (0, 0)
    assert elsewhere.last_activity_at is None
    assert open_category.last_activity_at == last.created_at
    assert replies(staying) == 0


def _posts_of_a_leaving_member(open_category, elsewhere, member, other_member):
    """The member opened a topic others answered, one nobody answered, and replied (last) in
    someone else's topic in another category; one of their replies waits for a moderator."""
    answered, _, _ = services.topic_create(
        category=open_category, title="Answered", body="Mine", acting_user=member
    )
    their_answer = reply(answered, other_member, "An answer")
    reply(answered, member, "My thanks")
    unanswered, _, _ = services.topic_create(
        category=open_category, title="Unanswered", body="Mine alone", acting_user=member
    )
    theirs, _, _ = services.topic_create(
        category=elsewhere, title="Someone else's", body="Theirs", acting_user=other_member
    )
    their_reply = reply(theirs, other_member, "Theirs again")
    reply(theirs, member, "My reply, the latest")
    WatchedWord.objects.create(phrase="lawyer", action="hold")
    waiting = reply(theirs, member, "Ask a lawyer")
    assert waiting.status == Status.PENDING
    assert_counts_true()
    assert counts(open_category) == (2, 4)
    assert counts(elsewhere) == (1, 3)
    assert (replies(answered), replies(theirs)) == (2, 2)
    return answered, unanswered, theirs, their_answer, their_reply


def test_erasing_an_account_keeping_its_posts_changes_no_count(
    open_category, elsewhere, member, other_member
):
    _posts_of_a_leaving_member(open_category, elsewhere, member, other_member)
    before = stored()
    account_delete(user=member, keep_posts=True, acting_user=member)
    assert stored() == before
    assert_counts_true()


def test_erasing_an_account_takes_its_posts_out_of_every_count(
    open_category, elsewhere, member, other_member
):
    answered, unanswered, theirs, their_answer, their_reply = _posts_of_a_leaving_member(
        open_category, elsewhere, member, other_member
    )
    page = Client().get(f"/forums/{elsewhere.slug}/").content.decode()
    assert "2 replies" in page
    account_delete(user=member, keep_posts=False, acting_user=member)
    assert not Topic.objects.filter(pk=unanswered.pk).exists()
    assert_counts_true()
    # Someone else's topic the member had replied in: their reply no longer counts or leads.
    assert (replies(theirs), last_post_at(theirs)) == (1, their_reply.created_at)
    assert counts(elsewhere) == (1, 2)
    assert elsewhere.last_activity_at == their_reply.created_at
    # The member's own topic that others answered stays, with only the others' posts.
    assert (replies(answered), last_post_at(answered)) == (1, their_answer.created_at)
    assert counts(open_category) == (1, 1)
    assert open_category.last_activity_at == their_answer.created_at
    # And the reader sees it so.
    page = Client().get(f"/forums/{elsewhere.slug}/").content.decode()
    assert "1 reply" in page and "2 replies" not in page
