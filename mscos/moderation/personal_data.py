"""Moderation's part of a member's data export and account erasure.

The audit log is kept on erasure: it records what moderators did and is the safeguarding record.
It holds no foreign-key constraint, so erasing the account leaves entries as they were written.
"""

from mscos.moderation.models import ModeratorSettings, Notice, Report


def export_moderation(user) -> dict:
    return {
        "reports_sent": [
            {
                "topic": report.post.topic.title,
                "reason": report.reason,
                "note": report.note,
                "created_at": report.created_at.isoformat(),
                "outcome": report.outcome,
            }
            for report in Report.objects.filter(reporter=user).select_related("post__topic")
        ],
        "messages_from_moderators": [
            {"kind": notice.kind, "text": notice.text, "created_at": notice.created_at.isoformat()}
            for notice in Notice.objects.filter(recipient=user)
        ],
    }


def erase_moderation(user, keep_contributions: bool) -> None:
    """Reports stay (without the reporter) so moderators can still act on them."""
    Report.objects.filter(reporter=user).update(reporter=None)
    Notice.objects.filter(recipient=user).delete()
    ModeratorSettings.objects.filter(moderator=user).delete()
