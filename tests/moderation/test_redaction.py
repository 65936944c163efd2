"""Redact before approving: suggestions for identifying details, the placeholder, what the writer
is told; and members' own reports page."""

import pytest

from mscos.forum import services as forum_services
from mscos.forum.models import Post, PostRevision, Status
from mscos.moderation.models import AuditEntry, RedactedOriginal, Report
from mscos.moderation.redaction import suggestions
from tests.moderation.conftest import client_for, waiting_post


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("ring 07700 900123 tonight", "phone", "07700 900123"),
        ("ring 07700900123", "phone", "07700900123"),
        ("call +44 7700 900 123 now", "phone", "+44 7700 900 123"),
        ("office +44 (0)20 7946 0958", "phone", "+44 (0)20 7946 0958"),
        ("landline 020 7946 0958.", "phone", "020 7946 0958"),
        ("freephone 0800-123-4567", "phone", "0800-123-4567"),
        ("email jo.bloggs+help@example.co.uk please", "email", "jo.bloggs+help@example.co.uk"),
        ("I live near SW1A 1AA now", "postcode", "SW1A 1AA"),
        ("it is in m1 1ae", "postcode", "m1 1ae"),
        ("we were kept at 14 Station Road in the town", "address", "14 Station Road"),
        ("at 3b Mill Lane,", "address", "3b Mill Lane"),
        ("see facebook.com/jo.bloggs.77 for photos", "social", "facebook.com/jo.bloggs.77"),
        ("https://www.instagram.com/jo_b/ has it", "social", "https://www.instagram.com/jo_b/"),
        ("message t.me/someone", "social", "t.me/someone"),
    ],
)
def test_identifying_details_are_suggested(text, kind, found):
    assert (kind, found) in [(s.kind, s.text) for s in suggestions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "I waited 3 years and 2 months",
        "In 2019 I moved; 40 people were there",
        "The NRM decision took 120 days",
        "Read the guidance at https://www.gov.uk/government/publications",
    ],
)
def test_ordinary_numbers_and_links_are_not_suggested(text):
    assert suggestions(text) == []


def test_the_moderator_removes_details_without_javascript_and_the_writer_is_told(
    checked, member, moderator, safeguarding_lead
):
    post = waiting_post(
        checked,
        member,
        "He works at Acme Farms. Text me on 07700 900123 or see facebook.com/jo.b",
    )
    forum_services.post_edit(
        post=post,
        body=post.body + " (edited)",
        content_note="",
        acting_user=member,
    )
    assert PostRevision.objects.filter(post=post).exists()
    client = client_for(moderator)
    page = client.get(f"/moderation/item/{post.pk}/").content.decode()
    assert "<mark>07700 900123</mark>" in page and "<mark>facebook.com/jo.b</mark>" in page
    assert page.count('type="checkbox" name="redact-remove"') == 2
    assert "Acme Farms" in page
    client.post(
        f"/moderation/item/{post.pk}/",
        {
            "action": "redact",
            "redact-remove": ["0", "1"],
            "redact-extra": "Acme Farms",
            "redact-reason": "These could lead someone to you.",
        },
    )
    post = Post.objects.get(pk=post.pk)
    assert post.status == Status.APPROVED
    assert post.body == (
        "He works at [removed to keep you safe]. Text me on [removed to keep you safe] or see"
        " [removed to keep you safe] (edited)"
    )
    assert "07700" not in post.body_html
    # No earlier version of the words is left in the forum.
    assert not PostRevision.objects.filter(post=post).exists()
    public = client_for(None).get(post.topic.get_absolute_url()).content.decode()
    assert "Acme Farms" not in public and "[removed to keep you safe]" in public
    entry = AuditEntry.objects.get(action="post_redacted")
    assert entry.data["kinds"] == ["other", "phone", "social"]
    assert "07700" not in str(entry.data) and "Acme" not in entry.reason
    assert "07700 900123" in RedactedOriginal.objects.get(entry=entry).text
    notices = client_for(member).get("/account/reports/").content.decode()
    assert "a moderator removed" in notices
    assert "a phone number" in notices and "a link to a social media profile" in notices
    assert "These could lead someone to you." in notices
    assert "07700" not in notices  # the writer is told what kind, not shown the words again


def test_members_see_their_reports_and_what_became_of_them(topic, member, other_member, moderator):
    post = Post.objects.get(topic=topic, position=1)
    reporter = client_for(other_member)
    thanks = reporter.post(f"/forums/p/{post.pk}/report/", {"reason": "harmful"})
    assert "your report was received" in thanks.content.decode()
    assert "your reports page" in thanks.content.decode()
    page = reporter.get("/account/reports/").content.decode()
    assert "Housing after the NRM" in page and "A moderator has not looked yet" in page
    client_for(moderator).post("/moderation/", {"item_action": f"hide:{post.pk}"})
    page = reporter.get("/account/reports/").content.decode()
    assert "A moderator took the post down" in page
    assert Report.objects.get().outcome == "hidden"
    # Nobody else sees them.
    assert (
        "Housing after the NRM" not in client_for(member).get("/account/reports/").content.decode()
    )
    assert client_for(None).get("/account/reports/").status_code == 302


def test_reports_and_messages_are_in_the_members_export_and_the_log_survives_erasure(
    topic, member, other_member, moderator
):
    from mscos.accounts import services as account_services

    post = Post.objects.get(topic=topic, position=1)
    client_for(other_member).post(f"/forums/p/{post.pk}/report/", {"reason": "spam", "note": "ad"})
    from mscos.moderation import services as moderation_services

    moderation_services.member_warn(
        member=other_member, message="Please be kind", acting_user=moderator
    )
    exported = account_services.account_export(user=other_member)
    assert "ad" in str(exported) and "Please be kind" in str(exported)
    entries = AuditEntry.objects.count()
    account_services.account_delete(user=other_member, keep_posts=False, acting_user=other_member)
    assert AuditEntry.objects.count() == entries  # nothing rewritten or removed
    assert Report.objects.get().reporter is None
