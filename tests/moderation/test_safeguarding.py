"""A post saying someone is in danger is held, marked urgent, and its writer sees help at once."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from mscos.forum import services
from mscos.forum.models import Post, Status
from mscos.moderation.models import WatchedWord
from mscos.moderation.watched_words import matches, normalise
from tests.forum.conftest import form_data

URGENT_TEXTS = [
    "He took my passport and says he will kill me",
    "I'm in danger, please help me",
    "i   am    IN   DANGER",
    "I am in d\u0430nger",  # Cyrillic a
    "I am in d4nger",
    "I want to d\u200bie",  # zero-width space
    "I w a n t t o d i e",
    "Ï åm ìn dángér",
]
HARMLESS_TEXTS = [
    "Survivors may be in danger of being trafficked again if support stops.",
    "Our service helped people plan safely.",
    "The report discusses passports and documents in general.",
]


@pytest.mark.parametrize("text", URGENT_TEXTS)
def test_safeguarding_phrases_are_found_despite_evasions(db, text):
    assert ("urgent", "") in matches(text)


@pytest.mark.parametrize("text", HARMLESS_TEXTS)
def test_ordinary_discussion_is_not_marked_urgent(db, text):
    assert matches(text) == []


def test_normalise_folds_case_accents_and_lookalikes():
    assert normalise("  HÉLLO\u00a0W0rld!! ") == "hello world"


def test_member_in_danger_sees_help_first_and_nothing_is_published(client, member, topic):
    client.force_login(member)
    response = client.post(
        f"/forums/t/{topic.pk}/reply/", form_data(body="I am not safe, he is coming back tonight")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "You are not alone" in html
    assert html.index("You are not alone") < html.index("08000 121 700", html.index("<main"))
    assert "press 55" in html and 'href="tel:999"' in html
    post = Post.objects.get(body__startswith="I am not safe")
    assert post.status == Status.PENDING and post.is_urgent
    assert "not safe, he is coming" not in Client().get(topic.get_absolute_url()).content.decode()


def test_guest_in_danger_sees_help_too(client, topic):
    response = client.post(
        f"/forums/t/{topic.pk}/reply/",
        form_data(body="They locked me in. Please help me.", understood="on"),
    )
    assert "You are not alone" in response.content.decode()
    post = Post.objects.get(body__startswith="They locked me in")
    assert post.is_urgent and post.status == Status.PENDING and post.author is None


def test_urgent_posts_are_never_published_without_a_moderator(member, open_category, moderator):
    _topic, post, _ = services.topic_create(
        category=open_category, title="Help", body="I want to end my life", acting_user=member
    )
    assert post.status == Status.PENDING and post.is_urgent
    assert open_category.topics.filter(status=Status.APPROVED).count() == 0
    # Not even a moderator's one click on the topic page publishes it: only the confirmation.
    with pytest.raises(ValidationError):
        services.post_approve(post=post, acting_user=moderator)
    post.refresh_from_db()
    assert post.status == Status.PENDING
    services.post_approve(post=post, acting_user=moderator, confirmed_urgent=True)
    post.refresh_from_db()
    assert post.status == Status.APPROVED


def test_an_edit_that_says_danger_goes_back_to_the_moderators(client, member, topic):
    post = Post.objects.get(position=1)
    client.force_login(member)
    response = client.post(
        f"/forums/p/{post.pk}/edit/", {"body": "Update: I am in danger now", "content_note": ""}
    )
    assert "You are not alone" in response.content.decode()
    post.refresh_from_db()
    assert post.status == Status.PENDING and post.is_urgent


def test_blocked_words_are_refused_kindly_and_hold_words_wait(client, member, topic, db):
    WatchedWord.objects.create(phrase="buy follow*", action="block", message="No adverts, please.")
    WatchedWord.objects.create(phrase="lawyer", action="hold")
    client.force_login(member)
    refused = client.post(f"/forums/t/{topic.pk}/reply/", form_data(body="Buy FOLLOWERS here"))
    assert "No adverts, please." in refused.content.decode()
    assert not Post.objects.filter(body__icontains="followers").exists()
    client.post(f"/forums/t/{topic.pk}/reply/", form_data(body="Ask a L4wyer first"))
    held = Post.objects.get(body__icontains="wyer")
    assert held.status == Status.PENDING and not held.is_urgent
