"""Moderation writes. Each public service writes exactly one audit log entry (see forum/audit.py).

Split by subject; everything is re-exported here so callers write `services.queue_approve(...)`.
"""

from mscos.moderation.selectors import undo_minutes
from mscos.moderation.services.bulk import (
    QUEUE_DECISIONS,
    BulkOutcome,
    queue_decide,
    queue_decide_many,
)
from mscos.moderation.services.claims import (
    ClaimedElsewhere,
    claim_release,
    claim_take,
    claim_take_over,
)
from mscos.moderation.services.decisions import (
    UrgentNeedsConfirmation,
    queue_approve,
    queue_edit_approve,
    queue_hide,
    queue_lock_topic,
    queue_move_topic,
    queue_redact_approve,
    queue_reject,
    redacted_original_read,
)
from mscos.moderation.services.members import (
    automatic_action_undo,
    member_ban,
    member_history_view,
    member_probation_lift,
    member_restore,
    member_suspend,
    member_warn,
)
from mscos.moderation.services.reports import report_create
from mscos.moderation.services.settings import moderator_settings_save, notices_mark_read
from mscos.moderation.services.undo import decision_undo

__all__ = [
    "QUEUE_DECISIONS",
    "BulkOutcome",
    "ClaimedElsewhere",
    "UrgentNeedsConfirmation",
    "automatic_action_undo",
    "claim_release",
    "claim_take",
    "claim_take_over",
    "decision_undo",
    "member_ban",
    "member_history_view",
    "member_probation_lift",
    "member_restore",
    "member_suspend",
    "member_warn",
    "moderator_settings_save",
    "notices_mark_read",
    "queue_approve",
    "queue_decide",
    "queue_decide_many",
    "queue_edit_approve",
    "queue_hide",
    "queue_lock_topic",
    "queue_move_topic",
    "queue_redact_approve",
    "queue_reject",
    "redacted_original_read",
    "report_create",
    "undo_minutes",
]
