"""One audit vocabulary (forum.audit.AuditAction) for the forum and moderation, and the rule for
which trail gets what (docs/decisions/0014-which-audit-trail.md)."""

import pathlib
import re

import pytest
from wagtail.log_actions import registry as wagtail_log_actions

from mscos.forum import audit
from mscos.forum import services as forum_services
from mscos.forum.audit import AuditAction
from mscos.moderation import services as moderation_services
from mscos.moderation.models import AuditEntry
from tests.moderation.conftest import client_for, waiting_post

# What the log holds today. A value that changes strands every row written with the old one.
STORED_ACTIONS = {
    "post_approved",
    "post_rejected",
    "post_hidden",
    "post_held",
    "post_edited",
    "post_redacted",
    "topic_changed",
    "topic_moved",
    "topic_hidden",
    "report_received",
    "member_warned",
    "member_suspended",
    "member_banned",
    "member_paused",
    "member_restored",
    "probation_lifted",
    "reports_closed",
    "automatic_undone",
    "anonymous_author_revealed",
    "member_history_viewed",
    "redacted_original_viewed",
    "redacted_originals_purged",
    "report_dismissed",
    "claim_taken_over",
    "decision_undone",
}

SOURCE = pathlib.Path(__file__).resolve().parents[2] / "mscos"


def _shown_actions(html: str) -> list[str]:
    return re.findall(r'class="audit-entry__what"><strong>([^<]+)</strong>', html)


def test_every_stored_action_keeps_its_value():
    assert set(AuditAction.values) == STORED_ACTIONS


def test_an_entry_written_before_the_vocabulary_moved_still_reads_in_words(moderator):
    # Written as the old code wrote it: a plain string in the row.
    AuditEntry.objects.create(actor_label="Moderator Mo", action="topic_changed")
    html = client_for(moderator).get("/moderation/log/").content.decode()
    assert _shown_actions(html) == ["Topic locked, unlocked, pinned or unpinned"]


@pytest.mark.parametrize("write", [audit.record, audit.scope])
def test_an_action_outside_the_vocabulary_is_refused_and_nothing_is_written(db, write):
    with pytest.raises(ValueError):
        result = write(action="post_aproved", actor=None, target=None)  # a typo
        if write is audit.scope:
            with result:
                pass
    assert not AuditEntry.objects.exists()


def test_forum_and_moderation_decisions_read_alike_in_the_log(checked, member, moderator):
    by_forum = waiting_post(checked, member, "Approved from the topic page")
    by_queue = waiting_post(checked, member, "Approved from the queue")
    forum_services.post_approve(post=by_forum, acting_user=moderator)
    moderation_services.queue_approve(post=by_queue, acting_user=moderator)
    client = client_for(moderator)
    html = client.get("/moderation/log/", {"action": AuditAction.POST_APPROVED}).content.decode()
    assert _shown_actions(html) == ["Post approved", "Post approved"]


def test_the_log_filter_offers_every_action_of_the_vocabulary(moderator):
    html = client_for(moderator).get("/moderation/log/").content.decode()
    offered = set(re.findall(r'<option value="([a-z_]+)"', html))
    assert set(AuditAction.values) <= offered


def test_every_action_registered_with_wagtails_log_is_written_somewhere():
    """A registered action nothing logs is a promise the admin's history never keeps."""
    wagtail_log_actions.scan_for_actions()
    ours = sorted(a for a in wagtail_log_actions.formatters if a.startswith("mscos."))
    code = "\n".join(
        path.read_text()
        for path in SOURCE.rglob("*.py")
        if path.name != "wagtail_hooks.py" and "migrations" not in path.parts
    )
    assert ours, "the site registers its own Wagtail log actions (accounts, events)"
    never_logged = [action for action in ours if f'"{action}"' not in code]
    assert never_logged == []
