"""Staff can run the site for real (issue 16): an urgent post is never published by one key,
decisions can be undone for a few minutes, alerts reach staff made in the Wagtail admin (through a
real SMTP server) or say loudly that they reached nobody, every account has a display name, a
safeguarding lead can take over a claim, the writer of an urgent post gets a check-in in their
language, and the queue's signals tell the truth."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.test import override_settings
from django.utils import timezone, translation

from mscos.accounts import roles
from mscos.accounts.models import User
from mscos.accounts.selectors import contact_address
from mscos.forum.models import Post, Status
from mscos.moderation import check_in
from mscos.moderation.models import (
    AuditEntry,
    CheckInMessage,
    Claim,
    Decision,
    ModeratorSettings,
    Notice,
    RejectionTemplate,
    Report,
    UrgentAlert,
)
from tests.mail_server import smtp_server  # noqa: F401 (a fixture)
from tests.moderation.conftest import client_for, waiting_post

DANGER_WORDS = "they locked me in again"


def _urgent(category, author, body=DANGER_WORDS) -> Post:
    """A waiting urgent post, made urgent directly so the test does not depend on the detector."""
    post = waiting_post(category, author, body)
    Post.objects.filter(pk=post.pk).update(
        is_urgent=True, status=Status.PENDING, held_because="safeguarding: urgent"
    )
    return Post.objects.get(pk=post.pk)


def _address(user: User, email: str) -> User:
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def template(db) -> RejectionTemplate:
    return RejectionTemplate.objects.create(
        title="Too detailed", message="Please post again with less detail."
    )


# The urgent key -------------------------------------------------------------------------------


def test_the_single_key_approve_on_an_urgent_item_does_not_publish_it(checked, member, moderator):
    post = _urgent(checked, member)
    client = client_for(moderator)
    queue = client.get("/moderation/").content.decode()
    # The button the `a` key presses is a link to the confirmation step, not a form button.
    assert f'href="/moderation/item/{post.pk}/publish/" data-item-approve' in queue
    assert f'value="approve:{post.pk}"' not in queue
    response = client.post("/moderation/", {"item_action": f"approve:{post.pk}"})
    assert response.status_code == 302
    assert response["Location"] == f"/moderation/item/{post.pk}/publish/"
    post.refresh_from_db()
    assert post.status == Status.PENDING and post.is_urgent
    assert not AuditEntry.objects.filter(action="post_approved").exists()
    # Nor does the item page's approve without the tick.
    client.post(f"/moderation/item/{post.pk}/", {"action": "approve", "approve-reason": "ok"})
    assert Post.objects.get(pk=post.pk).status == Status.PENDING


def test_the_confirmation_step_publishes_an_urgent_post_only_when_ticked(
    checked, member, moderator
):
    post = _urgent(checked, member, "Quoting 'they locked me in' from a training leaflet")
    client = client_for(moderator)
    step = client.get(f"/moderation/item/{post.pk}/publish/").content.decode()
    assert "I have read it and it is safe to publish" in step
    refused = client.post(f"/moderation/item/{post.pk}/publish/", {"reason": "a quote"})
    assert refused.status_code == 400
    assert "Please tick that you have read it" in refused.content.decode()
    assert Post.objects.get(pk=post.pk).status == Status.PENDING
    client.post(
        f"/moderation/item/{post.pk}/publish/", {"reason": "a quote", "safe_to_publish": "on"}
    )
    post.refresh_from_db()
    assert post.status == Status.APPROVED and not post.is_urgent
    entry = AuditEntry.objects.get(action="post_approved")
    assert entry.actor == moderator and entry.reason == "a quote"


def test_the_topic_page_approve_does_not_publish_an_urgent_post(checked, member, moderator):
    post = _urgent(checked, member)
    client_for(moderator).post(f"/forums/p/{post.pk}/moderate/", {"action": "approve"})
    assert Post.objects.get(pk=post.pk).status == Status.PENDING


def test_bulk_actions_skip_urgent_items_and_say_so(checked, member, moderator):
    urgent = _urgent(checked, member)
    ordinary = waiting_post(checked, member, "A question about housing")
    response = client_for(moderator).post(
        "/moderation/",
        {"posts": [urgent.pk, ordinary.pk], "bulk_action": "approve", "bulk": "1"},
        follow=True,
    )
    assert Post.objects.get(pk=ordinary.pk).status == Status.APPROVED
    assert Post.objects.get(pk=urgent.pk).status == Status.PENDING
    assert "1 urgent post was left as it was" in response.content.decode()


# Undo ------------------------------------------------------------------------------------------


def test_a_decision_can_be_undone_from_the_queue_for_a_few_minutes(
    checked, member, moderator, template, other_member
):
    post = waiting_post(checked, member, "Something I wanted to say")
    Report.objects.create(post=post, reason="harmful", reporter=other_member)
    client = client_for(moderator)
    client.post(
        "/moderation/",
        {"item_action": f"reject:{post.pk}", f"template-{post.pk}": template.pk},
    )
    assert Post.objects.get(pk=post.pk).status == Status.HIDDEN
    assert Notice.objects.filter(recipient=member, kind="rejection").exists()
    decision = Decision.objects.get(post=post)
    queue = client.get("/moderation/").content.decode()
    assert f'action="/moderation/decision/{decision.pk}/undo/"' in queue
    client.post(f"/moderation/decision/{decision.pk}/undo/")
    post.refresh_from_db()
    assert post.status == Status.PENDING and post.moderator_note == ""
    assert Report.objects.get(post=post).resolved_at is None
    assert not Notice.objects.filter(recipient=member, kind="rejection").exists()
    assert AuditEntry.objects.filter(action="decision_undone", actor=moderator).count() == 1
    # Decided again, then too late to undo.
    client.post("/moderation/", {"item_action": f"approve:{post.pk}"})
    later = Decision.objects.filter(post=post).latest("created_at")
    Decision.objects.filter(pk=later.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=11)
    )
    assert (
        f"/moderation/decision/{later.pk}/undo/" not in client.get("/moderation/").content.decode()
    )
    refused = client.post(f"/moderation/decision/{later.pk}/undo/", follow=True)
    assert "can no longer be undone" in refused.content.decode()
    assert Post.objects.get(pk=post.pk).status == Status.APPROVED


@override_settings(MODERATION_UNDO_MINUTES=2)
def test_only_the_decider_or_a_lead_may_undo_and_the_time_is_a_setting(
    checked, member, moderator, second_moderator, safeguarding_lead
):
    post = waiting_post(checked, member, "Approve me")
    client_for(moderator).post("/moderation/", {"item_action": f"approve:{post.pk}"})
    decision = Decision.objects.get(post=post)
    assert (
        client_for(second_moderator).post(f"/moderation/decision/{decision.pk}/undo/").status_code
        == 404
    )
    assert Post.objects.get(pk=post.pk).status == Status.APPROVED
    client_for(safeguarding_lead).post(f"/moderation/decision/{decision.pk}/undo/")
    assert Post.objects.get(pk=post.pk).status == Status.PENDING
    assert "last 2 minutes" not in client_for(moderator).get("/moderation/").content.decode()


# Alerts ----------------------------------------------------------------------------------------


def _admin_creates_moderator(admin_user, **extra) -> User:
    """Exactly as docs/moderation.md says: Wagtail admin → Settings → Users → Add a user."""
    data = {
        "username": "newmod",
        "email": "newmod@example.org",
        "first_name": "New",
        "last_name": "Moderator",
        "display_name": "Sam from the team",
        "password1": "a-long-pass-phrase-91",
        "password2": "a-long-pass-phrase-91",
        "groups": [Group.objects.get(name=roles.MODERATOR).pk],
        **extra,
    }
    response = client_for(admin_user).post("/admin/users/new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return User.objects.get(username="newmod")


def test_a_moderator_made_in_the_wagtail_admin_receives_the_urgent_alert_by_real_smtp(
    admin_user,
    checked,
    member,
    smtp_server,  # noqa: F811 (the fixture imported above)
    django_capture_on_commit_callbacks,
):
    User.objects.filter(pk=admin_user.pk).update(email="")  # only the new moderator can be told
    made = _admin_creates_moderator(admin_user)
    assert made.display_name == "Sam from the team"
    assert contact_address(made) == "newmod@example.org"
    post = waiting_post(checked, member, DANGER_WORDS)
    with django_capture_on_commit_callbacks(execute=True):
        post.is_urgent = True
        post.save()
    (message,) = smtp_server.wait_for(1)
    assert message["X-Envelope-To"] == "newmod@example.org"
    assert message["Subject"].startswith("Urgent")
    assert DANGER_WORDS not in message.get_body().get_content()
    assert UrgentAlert.objects.get(post=post).emailed == 1


def test_the_admin_user_form_asks_for_a_display_name(admin_user, db):
    client = client_for(admin_user)
    assert 'name="display_name"' in client.get("/admin/users/new/").content.decode()
    refused = client.post(
        "/admin/users/new/",
        {
            "username": "nameless",
            "email": "x@example.org",
            "first_name": "A",
            "last_name": "B",
            "password1": "a-long-pass-phrase-91",
            "password2": "a-long-pass-phrase-91",
        },
    )
    assert refused.status_code == 200 and not User.objects.filter(username="nameless").exists()
    made = _admin_creates_moderator(admin_user)
    edit = client.get(f"/admin/users/edit/{made.pk}/").content.decode()
    assert 'name="display_name"' in edit and "Sam from the team" in edit


def test_the_claim_banner_and_the_log_show_the_display_name_given_in_the_admin(
    admin_user, checked, member, moderator
):
    made = _admin_creates_moderator(admin_user)
    from tests.conftest import with_two_factor

    with_two_factor(made)
    post = waiting_post(checked, member, "Claim me")
    client_for(made).post("/moderation/", {"item_action": f"claim:{post.pk}"})
    assert (
        "Sam from the team is working on this until"
        in client_for(moderator).get("/moderation/").content.decode()
    )
    client_for(made).post("/moderation/", {"item_action": f"approve:{post.pk}"})
    assert AuditEntry.objects.get(action="post_approved").actor_label.startswith(
        "Sam from the team"
    )


def test_an_urgent_alert_that_reaches_nobody_is_shown_on_the_queue_and_in_the_admin(
    checked, member, moderator, admin_user, django_capture_on_commit_callbacks
):
    User.objects.filter(pk=admin_user.pk).update(email="")
    post = waiting_post(checked, member, DANGER_WORDS)
    with django_capture_on_commit_callbacks(execute=True):
        post.is_urgent = True
        post.save()
    alert = UrgentAlert.objects.get(post=post)
    assert alert.emailed == 0 and alert.problem == "no_address"
    queue = client_for(moderator).get("/moderation/").content.decode()
    assert "Urgent alerts are not reaching anyone" in queue
    assert "Nobody was emailed about the urgent post" in queue
    dashboard = client_for(admin_user).get("/admin/").content.decode()
    assert "Urgent alerts are not reaching anyone" in dashboard
    hours = client_for(moderator).get("/moderation/settings/").content.decode()
    assert "Who is told about an urgent post now" in hours and "Nobody:" in hours
    # Someone reachable: the warning about the future goes; the Hours page names them.
    _address(moderator, "mo@example.org")
    hours = client_for(moderator).get("/moderation/settings/").content.decode()
    assert "Moderator Mo (you)" in hours and "mo@example.org" in hours


def test_on_duty_or_on_call_without_an_address_is_refused_kindly(moderator):
    client = client_for(moderator)
    response = client.post("/moderation/settings/", {"on_call": "on", "single_key_shortcuts": "on"})
    assert "We have no email address to tell you about urgent posts" in response.content.decode()
    assert not ModeratorSettings.objects.filter(moderator=moderator, on_call=True).exists()
    # An address someone typed at sign-up and never confirmed does not count.
    User.objects.filter(pk=moderator.pk).update(email="typed@example.org")
    EmailAddress.objects.create(user=moderator, email="typed@example.org", verified=False)
    client.post("/moderation/settings/", {"on_call": "on"})
    assert not ModeratorSettings.objects.filter(moderator=moderator, on_call=True).exists()


# Identities and takeover ----------------------------------------------------------------------


def test_a_safeguarding_lead_can_take_over_a_claim_and_it_is_logged(
    checked, member, moderator, second_moderator, safeguarding_lead
):
    post = _urgent(checked, member)
    client_for(moderator).post("/moderation/", {"item_action": f"claim:{post.pk}"})
    # Another moderator cannot.
    refused = client_for(second_moderator).post(
        "/moderation/", {"item_action": f"take_over:{post.pk}"}
    )
    assert refused.status_code == 403
    assert Claim.objects.get(post=post).moderator == moderator
    lead = client_for(safeguarding_lead)
    assert f'value="take_over:{post.pk}"' in lead.get("/moderation/").content.decode()
    lead.post("/moderation/", {"item_action": f"take_over:{post.pk}", f"reason-{post.pk}": "mine"})
    assert Claim.objects.get(post=post).moderator == safeguarding_lead
    entry = AuditEntry.objects.get(action="claim_taken_over")
    assert entry.actor == safeguarding_lead and entry.data["from"].startswith("Moderator Mo")


# The check-in ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en-gb", "ro", "sq", "ar"])
def test_the_writer_of_an_urgent_post_gets_a_check_in_in_their_language(
    checked, member, moderator, template, language
):
    post = _urgent(checked, member)
    client_for(moderator).post(
        "/moderation/",
        {"item_action": f"reject:{post.pk}", f"template-{post.pk}": template.pk},
    )
    assert Notice.objects.filter(recipient=member, kind="check_in").count() == 1
    assert not Notice.objects.filter(recipient=member, kind="rejection").exists()
    prefix = "" if language == "en-gb" else f"/{language}"
    page = client_for(member).get(f"{prefix}/account/reports/").content.decode()
    with translation.override(language):
        expected = check_in.default_text()
    if language != "en-gb":
        with translation.override("en-gb"):
            assert expected != check_in.default_text()  # really translated
    assert expected in page
    assert "08000 121 700" in page and "999" in page and "55" in page
    assert "less detail" not in page


def test_leads_may_write_their_own_check_in_per_language(checked, member, moderator):
    CheckInMessage.objects.create(language="ro", text="Ne gândim la tine. (scris de echipă)")
    post = _urgent(checked, member)
    client_for(moderator).post("/moderation/", {"item_action": f"hide:{post.pk}"})
    page = client_for(member).get("/ro/account/reports/").content.decode()
    assert "Ne gândim la tine. (scris de echipă)" in page
    english = client_for(member).get("/account/reports/").content.decode()
    assert check_in.default_text() in english


def test_safeguarding_leads_can_edit_check_in_messages_in_the_admin(safeguarding_lead):
    assert safeguarding_lead.has_perm("moderation.change_checkinmessage")
    response = client_for(safeguarding_lead).get("/admin/snippets/moderation/checkinmessage/")
    assert response.status_code == 200


# Queue signals ---------------------------------------------------------------------------------


def test_urgent_notices_go_once_the_post_is_decided_and_are_not_repeated(
    checked, member, moderator
):
    post = _urgent(checked, member)
    text = "An urgent post is waiting: someone may be in danger. Please look at it now."
    for _ in range(3):
        Notice.objects.create(recipient=moderator, kind="urgent", text=text, post=post)
    client = client_for(moderator)
    assert client.get("/moderation/").content.decode().count(text) == 1
    client.post("/moderation/", {"item_action": f"hide:{post.pk}"})
    assert text not in client.get("/moderation/").content.decode()


def test_the_exact_reason_a_post_was_held_is_shown_once(checked, member, moderator):
    post = waiting_post(checked, member, "He said he will kill me")
    reason = "safeguarding (en): threat to life — 'will kill me'"
    Post.objects.filter(pk=post.pk).update(
        is_urgent=True, held_because=f"{reason}; {reason}; {reason}"
    )
    queue = client_for(moderator).get("/moderation/").content.decode()
    assert queue.count("safeguarding (en): threat to life — &#x27;will kill me&#x27;") == 1
    assert "safeguarding phrase" not in queue


def test_keeping_a_reported_live_post_is_logged_as_report_dismissed(topic, moderator, other_member):
    post = Post.objects.get(topic=topic, position=1)
    Report.objects.create(post=post, reason="harmful", reporter=other_member)
    client = client_for(moderator)
    assert "Keep it up (dismiss the reports)" in client.get("/moderation/").content.decode()
    client.post("/moderation/", {"item_action": f"approve:{post.pk}"})
    assert AuditEntry.objects.filter(action="report_dismissed", actor=moderator).count() == 1
    assert not AuditEntry.objects.filter(action="post_approved").exists()
