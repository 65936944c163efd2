"""Writes the forum's audit records as AuditEntry rows (registered in AppConfig.ready)."""

from django.utils.translation import gettext as _

from mscos.accounts.models import User
from mscos.forum.audit import AuditRecord
from mscos.forum.models import Post, Topic
from mscos.moderation.models import AuditEntry


def actor_label(actor) -> str:
    if actor is None:
        return _("the system")
    if not actor.is_authenticated:
        return _("a reader without an account")
    return f"{actor.public_name} (#{actor.pk})"


def _target(target) -> tuple[str, int | None, str]:
    # Labels name the thing, never the author of an anonymous post.
    if isinstance(target, Post):
        return "post", target.pk, f"#{target.pk} · {target.topic.title}"[:200]
    if isinstance(target, Topic):
        return "topic", target.pk, target.title[:200]
    if isinstance(target, User):
        return "member", target.pk, f"{target.public_name} (#{target.pk})"[:200]
    return "", None, ""


def write_entry(record: AuditRecord) -> AuditEntry:
    target_type, target_id, target_label = _target(record.target)
    data = dict(record.data)
    if record.steps:
        data["steps"] = record.steps
    entry = AuditEntry.objects.create(
        actor=record.actor if record.actor is not None and record.actor.pk else None,
        actor_label=actor_label(record.actor),
        action=record.action,
        target_type=target_type,
        target_id=target_id,
        target_label=target_label,
        reason=record.reason,
        data=data,
    )
    for attach in record.attachments:
        attach(entry)
    return entry
