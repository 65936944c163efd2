"""Writes for feedback: receiving it, marking it read, replying by email."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mscos.accounts.models import User
from mscos.feedback.models import Feedback


def feedback_create(*, topic: str, message: str, name: str = "", email: str = "") -> Feedback:
    return Feedback.objects.create(
        topic=topic, message=message.strip(), name=name.strip(), email=email.strip()
    )


def feedback_mark_read(*, feedback: Feedback, acting_user: User, read: bool = True) -> None:
    feedback.read_at = timezone.now() if read else None
    feedback.read_by = acting_user if read else None
    feedback.save(update_fields=["read_at", "read_by"])


def feedback_reply(*, feedback: Feedback, reply: str, acting_user: User) -> None:
    """Sends the reply by email (in the background) and records it; the item counts as read."""
    from mscos.feedback.tasks import send_feedback_reply

    if not feedback.email:
        raise ValidationError(_("This feedback has no email address to reply to."))
    now = timezone.now()
    with transaction.atomic():
        feedback.reply = reply.strip()
        feedback.replied_at = now
        feedback.replied_by = acting_user
        if feedback.read_at is None:
            feedback.read_at, feedback.read_by = now, acting_user
        feedback.save()
        feedback_id = feedback.pk
        transaction.on_commit(lambda: send_feedback_reply.enqueue(feedback_id=feedback_id))
