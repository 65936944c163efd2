"""The audit trail's entry point for the forum. Moderation registers where entries are written.

The forum never imports moderation, so moderation registers a recorder here in its
AppConfig.ready. A service that calls other services opens a `scope`: everything recorded inside
it joins the scope's one entry, so each service call writes exactly one entry however it is built.
`AuditAction` is the one vocabulary of what an entry records: the forum and moderation write and
match actions only through it (docs/decisions/0014-which-audit-trail.md).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from mscos.accounts.models import User
from mscos.forum.models import Post, Topic

# A member or moderator, a reader without an account, or None for the system.
Actor = User | AnonymousUser | None
# What the entry is about: a post, a topic, a member, or nothing in particular.
Target = Post | Topic | User | None


class AuditAction(models.TextChoices):
    """What an audit entry records. The values are stored: never rename one, only add."""

    POST_APPROVED = "post_approved", _("Post approved")
    POST_REJECTED = "post_rejected", _("Post rejected")
    POST_HIDDEN = "post_hidden", _("Post hidden")
    POST_HELD = "post_held", _("Post held for review")
    POST_EDITED = "post_edited", _("Post edited by a moderator")
    POST_REDACTED = "post_redacted", _("Identifying details removed")
    TOPIC_CHANGED = "topic_changed", _("Topic locked, unlocked, pinned or unpinned")
    TOPIC_MOVED = "topic_moved", _("Topic moved")
    TOPIC_HIDDEN = "topic_hidden", _("Topic hidden")
    REPORT_RECEIVED = "report_received", _("Report received")
    MEMBER_WARNED = "member_warned", _("Member warned")
    MEMBER_SUSPENDED = "member_suspended", _("Member suspended")
    MEMBER_BANNED = "member_banned", _("Member banned")
    MEMBER_PAUSED = "member_paused", _("Member paused until review")
    MEMBER_RESTORED = "member_restored", _("Member may post again")
    PROBATION_LIFTED = "probation_lifted", _("Probation lifted")
    REPORTS_CLOSED = "reports_closed", _("Reports closed and urgent mark cleared")
    AUTOMATIC_UNDONE = "automatic_undone", _("Automatic action undone")
    AUTHOR_REVEALED = "anonymous_author_revealed", _("Anonymous author revealed")
    HISTORY_VIEWED = "member_history_viewed", _("Member history viewed")
    ORIGINAL_VIEWED = "redacted_original_viewed", _("Removed text read")
    ORIGINALS_PURGED = "redacted_originals_purged", _("Removed text purged")
    REPORT_DISMISSED = "report_dismissed", _("Report dismissed, post kept")
    CLAIM_TAKEN_OVER = "claim_taken_over", _("Claim taken over by a safeguarding lead")
    DECISION_UNDONE = "decision_undone", _("Decision undone")


@dataclass
class AuditRecord:
    action: AuditAction
    actor: Actor
    target: Target
    reason: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    steps: list[AuditAction] = field(default_factory=list)
    # Extra rows written with the entry and kept apart from it (e.g. redacted originals); each is
    # given the written entry (moderation's AuditEntry, which the forum cannot name).
    attachments: list[Callable[[Any], object]] = field(default_factory=list)


Recorder = Callable[[AuditRecord], Any]
_recorders: list[Recorder] = []
_open_scope: ContextVar[AuditRecord | None] = ContextVar("audit_scope", default=None)


def register_recorder(recorder: Recorder) -> None:
    if recorder not in _recorders:
        _recorders.append(recorder)


def _write(record: AuditRecord) -> None:
    if not _recorders:
        raise RuntimeError("No audit recorder is registered; is the moderation app installed?")
    for recorder in _recorders:
        recorder(record)


def record(
    *,
    action: AuditAction,
    actor: Actor,
    target: Target,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> AuditRecord | None:
    """Writes one entry, or adds this step to the entry of the service that called this one."""
    action = AuditAction(action)  # an action outside the vocabulary fails here, not in the log
    scope = _open_scope.get()
    if scope is not None:
        scope.steps.append(action)
        scope.data.update({k: v for k, v in (data or {}).items() if k not in scope.data})
        return scope
    entry = AuditRecord(action=action, actor=actor, target=target, reason=reason, data=data or {})
    _write(entry)
    return None


@contextmanager
def scope(
    *,
    action: AuditAction,
    actor: Actor,
    target: Target,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> Iterator[AuditRecord]:
    """Everything recorded inside becomes part of one entry, written when the block succeeds."""
    action = AuditAction(action)
    outer = _open_scope.get()
    if outer is not None:
        # Nested: this service is a step of an outer one.
        outer.steps.append(action)
        yield outer
        return
    entry = AuditRecord(action=action, actor=actor, target=target, reason=reason, data=data or {})
    token = _open_scope.set(entry)
    try:
        yield entry
    finally:
        _open_scope.reset(token)
    _write(entry)
