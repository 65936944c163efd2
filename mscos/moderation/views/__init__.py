"""Moderation pages: thin views over permissions, selectors and services, split by page."""

from mscos.moderation.views.item import item, publish_urgent, reveal
from mscos.moderation.views.log import audit_log, audit_original
from mscos.moderation.views.members import automatic_undo, member
from mscos.moderation.views.people import moderator_settings, my_reports, notices_read, report
from mscos.moderation.views.queue import decision_undo, queue

__all__ = [
    "audit_log",
    "audit_original",
    "automatic_undo",
    "decision_undo",
    "item",
    "member",
    "moderator_settings",
    "my_reports",
    "notices_read",
    "publish_urgent",
    "queue",
    "report",
    "reveal",
]
