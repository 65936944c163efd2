"""Posting: members, anonymous members and guests; pre-moderation; limits with friendly errors."""

import html as html_module
import re

import pytest
from django.test import Client

from mscos.forum import services
from mscos.forum.models import Post, PostRevision, Status, Topic
from tests.bot_check import started_long_ago
from tests.forum.conftest import form_data


def new_topic(client, category, **fields):
    return client.post(
        f"/forums/{category.slug}/new/",
        form_data(
            title="A question about housing", body="How do you find **stable** homes?", **fields
        ),
    )


def test_member_starts_a_topic_that_appears_at_once(client, member, open_category):
    client.force_login(member)
    response = new_topic(client, open_category, understood="on")
    post = Post.objects.get()
    assert response.status_code == 302
    assert post.status == Status.APPROVED and post.position == 1
    page = client.get(post.topic.get_absolute_url()).content.decode()
    assert "<strong>stable</strong>" in page and "River" in page
    open_category.refresh_from_db()
    assert (open_category.topic_count, open_category.post_count) == (1, 1)


def test_first_post_asks_for_understanding_before_it_is_sent(client, member, open_category):
    client.force_login(member)
    response = new_topic(client, open_category)
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Post.objects.exists()
    assert "I understand that others can read what I post" in response.content.decode()


def test_new_members_first_posts_wait_for_a_moderator(
    client, member, other_member, checked_category
):
    client.force_login(member)
    new_topic(client, checked_category, understood="on")
    post = Post.objects.get()
    assert post.status == Status.PENDING
    own_view = client.get(post.topic.get_absolute_url()).content.decode()
    assert "Waiting for a moderator" in own_view
    other = Client()
    other.force_login(other_member)
    assert other.get(post.topic.get_absolute_url()).status_code == 404
    assert Client().get(post.topic.get_absolute_url()).status_code == 404
    assert "A question about housing" not in Client().get("/forums/checked-talk/").content.decode()


def test_moderator_approval_publishes_and_counts(client, member, moderator, checked_category):
    topic, post, _ = services.topic_create(
        category=checked_category, title="Waiting", body="First words", acting_user=member
    )
    client.force_login(moderator)
    client.post(f"/forums/p/{post.pk}/moderate/", {"action": "approve"})
    post.refresh_from_db()
    checked_category.refresh_from_db()
    assert post.status == Status.APPROVED
    assert Topic.objects.get(pk=topic.pk).status == Status.APPROVED
    assert (checked_category.topic_count, checked_category.post_count) == (1, 1)
    assert "Waiting" in Client().get("/forums/checked-talk/").content.decode()


def test_anonymous_post_never_shows_its_author(client, other_member, open_category):
    from mscos.accounts.models import User

    member = User.objects.create_user(
        pk=987654,
        username="secret_login_name",
        password="x-long-pass-1",
        display_name="Unmistakable Name",
    )
    client.force_login(member)
    client.post(
        f"/forums/{open_category.slug}/new/",
        form_data(
            title="Something hard", body="It happened to me", anonymous="on", understood="on"
        ),
    )
    post = Post.objects.get()
    assert post.author == member and post.is_anonymous
    readers = [Client(), Client()]
    readers[1].force_login(other_member)
    for reader in readers:
        for url in ["/forums/", "/forums/open-talk/", post.topic.get_absolute_url()]:
            html = reader.get(url).content.decode()
            assert "Unmistakable Name" not in html
            assert "secret_login_name" not in html
            assert "987654" not in html
        assert "Anonymous member" in reader.get(post.topic.get_absolute_url()).content.decode()


def test_guest_posts_wait_and_get_a_private_link_shown_once(client, open_category, moderator):
    response = client.post(
        "/forums/open-talk/new/",
        form_data(title="From a guest", body="Hello from outside", guest_name="", understood="on"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    link = re.search(r'<code class="guest-link">(http[^<]+)</code>', html).group(1)
    post = Post.objects.get()
    assert post.author is None and post.status == Status.PENDING and post.guest_name == "Anonymous"
    assert link.split("/")[-2] not in post.guest_token_hash  # only a hash is kept
    path = "/" + link.split("/", 3)[3]
    edit = client.post(path, {"body": "Hello again", "content_note": ""})
    assert edit.status_code == 200  # the thank-you page, shown without a session or a cookie
    assert "Thank you: your changes are waiting for a moderator" in edit.content.decode()
    post.refresh_from_db()
    assert post.body == "Hello again" and PostRevision.objects.filter(post=post).count() == 1
    assert Client().get(path.replace(path.split("/")[-2], "wrong-token")).status_code == 404
    deleted = client.post(path, {"action": "delete"})
    assert deleted.status_code == 200
    assert Post.objects.get().status == Status.DELETED and Post.objects.get().body == ""


def test_guests_cannot_post_where_the_category_says_no(client, members_only_category):
    response = client.get("/forums/members-room/new/")
    assert response.status_code == 404  # members-only reading: not even visible


def test_honeypot_and_too_fast_posts_are_refused_kindly(client, member, open_category):
    client.force_login(member)
    trap = new_topic(client, open_category, understood="on", website="http://spam.example")
    assert "could not be sent" in trap.content.decode()
    data = form_data(title="Quick one", body="Fast", understood="on")
    data["started"] = started_long_ago(seconds=0)
    quick = client.post(f"/forums/{open_category.slug}/new/", data)
    assert "Sorry, we could not send your post yet." in quick.content.decode()
    assert not Post.objects.exists()


def test_posting_too_often_gets_a_friendly_error(client, member, topic):
    client.force_login(member)
    for number in range(9):  # the opening post counted as one
        client.post(f"/forums/t/{topic.pk}/reply/", form_data(body=f"Reply {number}"))
    response = client.post(f"/forums/t/{topic.pk}/reply/", form_data(body="One too many"))
    assert "posted a lot in the last few minutes" in response.content.decode()
    assert Post.objects.filter(body="One too many").count() == 0


def test_too_long_and_too_many_links_are_refused_with_reasons(client, other_member, topic):
    client.force_login(other_member)
    long = client.post(
        f"/forums/t/{topic.pk}/reply/", form_data(body="x" * 20_001, understood="on")
    )
    assert "Please keep a post under" in long.content.decode()
    links = " ".join(f"[l{n}](https://example.org/{n})" for n in range(3))
    many = client.post(f"/forums/t/{topic.pk}/reply/", form_data(body=links, understood="on"))
    assert "New members can share up to 2 links" in many.content.decode()
    assert Post.objects.count() == 1


def test_content_note_collapses_the_post(client, member, topic):
    client.force_login(member)
    client.post(f"/forums/t/{topic.pk}/reply/", form_data(body="Details", content_note="violence"))
    html = Client().get(topic.get_absolute_url()).content.decode()
    assert re.search(r"<details class=\"post__content-note\"><summary>Content note: violence", html)


def test_quoting_a_post_fills_the_reply(client, member, other_member, topic):
    client.force_login(other_member)
    opening = Post.objects.get(position=1)
    html = client.get(f"/forums/t/{topic.pk}/reply/?quote={opening.pk}").content.decode()
    assert "River wrote:" in html and "&gt; Opening words" in html


def test_editing_keeps_the_earlier_text_for_moderators(client, member, topic):
    client.force_login(member)
    post = Post.objects.get(position=1)
    client.post(f"/forums/p/{post.pk}/edit/", {"body": "Better words", "content_note": ""})
    post.refresh_from_db()
    assert post.body == "Better words" and post.edited_at
    assert PostRevision.objects.get(post=post).body == "Opening words"


def test_deleting_ones_own_post_keeps_others_replies(client, member, other_member, topic):
    services.post_create(topic=topic, body="A reply worth keeping", acting_user=other_member)
    client.force_login(member)
    post = Post.objects.get(position=1)
    client.post(f"/forums/p/{post.pk}/delete/")
    post.refresh_from_db()
    assert post.status == Status.DELETED and post.body == ""
    html = Client().get(topic.get_absolute_url()).content.decode()
    assert "deleted by its author" in html and "A reply worth keeping" in html


def test_deleting_the_only_post_removes_the_topic(client, member, topic):
    client.force_login(member)
    client.post(f"/forums/p/{Post.objects.get(position=1).pk}/delete/")
    assert Client().get(topic.get_absolute_url()).status_code == 404
    assert "Housing after the NRM" not in Client().get("/forums/open-talk/").content.decode()


def test_locked_topic_takes_no_replies(client, member, moderator, topic):
    services.topic_set_flags(topic=topic, acting_user=moderator, locked=True)
    client.force_login(member)
    response = client.post(f"/forums/t/{topic.pk}/reply/", form_data(body="Still here"))
    assert response.status_code == 403
    assert not Post.objects.filter(body="Still here").exists()


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "[x](javascript:alert(1))"])
def test_hostile_markdown_is_inert_on_the_page(client, member, topic, hostile):
    client.force_login(member)
    client.post(f"/forums/t/{topic.pk}/reply/", form_data(body=hostile))
    html = Client().get(topic.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and 'href="javascript' not in html.lower()


def test_preview_shows_the_post_without_sending_it(client, member, topic):
    client.force_login(member)
    response = client.post(
        f"/forums/t/{topic.pk}/reply/", form_data(body="Looks **bold** here", preview="1")
    )
    html = response.content.decode()
    assert "Preview: not sent yet" in html and "<strong>bold</strong>" in html
    assert "Looks **bold** here" in html  # kept in the form to send
    assert Post.objects.count() == 1


def test_moderators_see_the_edit_history_and_others_do_not(client, member, moderator, topic):
    post = Post.objects.get(position=1)
    services.post_edit(post=post, body="Second version", content_note="", acting_user=member)
    client.force_login(moderator)
    assert "Opening words" in client.get(topic.get_absolute_url()).content.decode()
    for reader in [Client(), member]:
        viewer = Client()
        if reader is member:
            viewer.force_login(member)
        assert "Opening words" not in viewer.get(topic.get_absolute_url()).content.decode()


def test_moderators_see_posts_waiting_in_a_topic(client, member, other_member, moderator, db):
    from mscos.forum.models import ForumCategory

    category = ForumCategory.objects.create(
        name="All checked", slug="all-checked", premoderation="all"
    )
    topic, first, _ = services.topic_create(
        category=category, title="Checked", body="Opening", acting_user=member
    )
    services.post_approve(post=first, acting_user=moderator)
    topic.refresh_from_db()
    services.post_create(topic=topic, body="Waiting reply", acting_user=other_member)
    client.force_login(moderator)
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "Opening" in html and "Waiting reply" in html
    assert "Waiting reply" not in Client().get(topic.get_absolute_url()).content.decode()


def test_every_help_text_is_tied_to_its_field(client, member, topic):
    client.force_login(member)
    html = client.get(f"/forums/t/{topic.pk}/reply/").content.decode()
    for described in re.findall(r'aria-describedby="([^"]+)"', html):
        assert f'id="{described}"' in html, described


def hidden_fields_of_reply_form(html: str) -> dict:
    form = html.split('class="reply"', 1)[1]
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))


@pytest.mark.parametrize("first_post", [False, True])
def test_a_member_signed_out_while_writing_gets_the_text_back_not_a_guest_post(
    client, member, other_member, topic, first_post
):
    writer = other_member
    if not first_post:
        services.post_create(topic=topic, body="An earlier reply", acting_user=writer)
    client.force_login(writer)
    hidden = hidden_fields_of_reply_form(client.get(topic.get_absolute_url()).text)
    assert hidden["signed_in"] == "1"
    posts_before = Post.objects.count()
    client.logout()  # the idle time-out, or "sign out" in another tab

    words = "What helped me most was a caseworker who *listened*."
    response = client.post(
        f"/forums/t/{topic.pk}/reply/",
        {**form_data(body=words, understood="on", anonymous="on"), **hidden},
    )
    assert response.status_code == 403
    assert "You were signed out, so nothing was posted" in response.text
    assert "What helped me most was a caseworker who *listened*." in response.text
    assert f"/account/login/?next=%2Fforums%2Ft%2F{topic.pk}%2Freply%2F" in response.text
    assert Post.objects.count() == posts_before  # not posted as a guest either


def test_a_new_topic_in_a_members_room_is_handed_back_after_signing_out(
    client, member, members_only_category
):
    response = client.post(
        f"/forums/{members_only_category.slug}/new/",
        form_data(title="Court dates", body="Tips for the first hearing", signed_in="1"),
    )
    assert response.status_code == 403
    assert 'value="Court dates"' in response.text and "Tips for the first hearing" in response.text
    assert not Post.objects.exists()


def test_an_edit_sent_after_signing_out_is_handed_back(client, member, topic):
    post = Post.objects.get(position=1)
    response = client.post(
        f"/forums/p/{post.pk}/edit/", {"body": "Better words I want to keep", "content_note": ""}
    )
    assert response.status_code == 403
    assert "Better words I want to keep" in response.text
    post.refresh_from_db()
    assert post.body == "Opening words"
    assert client.get(f"/forums/p/{post.pk}/edit/").status_code == 302  # reading: sign in first


def test_formatting_help_shows_plain_examples_that_the_preview_turns_bold(client, member, topic):
    client.force_login(member)
    form = client.get(f"/forums/t/{topic.pk}/reply/").content.decode()
    assert "Markdown" not in form, "a word most readers do not know"
    help_text = html_module.unescape(form)
    assert "put two stars on each side: **like this**" in help_text
    assert "Press Preview to see how your post will look." in help_text
    # The example, sent to Preview (a plain form button, no JavaScript), shows as the help says.
    preview = client.post(
        f"/forums/t/{topic.pk}/reply/", form_data(body="Read **like this**", preview="1")
    )
    assert "<strong>like this</strong>" in preview.content.decode()
