"""Telling moderators: urgent items at once (email and a notice on the site), a daily digest,
and the purge of removed text after its retention period. All run as tasks; a mail the server
refuses is tried again later (core.mail_delivery), never dropped."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.tasks import task
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mscos.accounts.selectors import contact_addresses
from mscos.core.mail import AUTOMATIC_HEADERS, SiteEmailMessage
from mscos.core.mail_delivery import TEMPORARY_MAIL_ERRORS, send_or_retry
from mscos.core.site_address import absolute_url
from mscos.forum import audit
from mscos.forum.audit import AuditAction
from mscos.forum.models import Post, Status
from mscos.moderation import duty
from mscos.moderation.models import Decision, Notice, RedactedOriginal, Report, UrgentAlert

logger = logging.getLogger(__name__)


def urgent_item_arrived(post: Post) -> None:
    """Enqueues the urgent notice once the post is safely saved."""
    post_id = post.pk
    transaction.on_commit(lambda: notify_urgent.enqueue(post_id))


def _queue_url() -> str:
    return absolute_url(reverse("moderation:queue"))


def _already_told(post_id: int) -> bool:
    """An alert since the post was last decided: saving the post again does not alert again."""
    last_decided = (
        Decision.objects.filter(post_id=post_id, undone_at=None)
        .exclude(kind__in=[Decision.Kind.LOCK, Decision.Kind.MOVE])  # the topic's, not the post's
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    alerts = UrgentAlert.objects.filter(post_id=post_id)
    if last_decided is not None:
        alerts = alerts.filter(created_at__gt=last_decided)
    return alerts.exists()


def _urgent_text() -> str:
    return _("An urgent post is waiting: someone may be in danger. Please look at it now.")


def _urgent_message(addresses: list[str]) -> SiteEmailMessage:
    return SiteEmailMessage(
        subject=_("Urgent: a post in the moderation queue needs you now"),
        body=f"{_urgent_text()}\n\n{_queue_url()}\n\n"
        + _("This email does not contain the post. Sign in to read it."),
        to=addresses,
        headers=dict(AUTOMATIC_HEADERS),
    )


@task
def notify_urgent(post_id: int) -> int:
    """Tells the moderators on duty (or, outside hours, the on-call moderators) about an urgent
    post; returns how many addresses the email went to. The post's words are never put in an
    email. An alert that reaches nobody is recorded, and the queue and the admin warn about it;
    while the mail server refuses, the email is tried again (send_urgent_alert)."""
    if not Post.objects.filter(pk=post_id, is_urgent=True).exists() or _already_told(post_id):
        return 0
    recipients = duty.urgent_recipients()
    Notice.objects.bulk_create(
        Notice(recipient_id=pk, kind=Notice.Kind.URGENT, text=_urgent_text(), post_id=post_id)
        for pk in recipients.user_ids
    )
    alert = UrgentAlert(post_id=post_id)
    if not recipients.user_ids:
        alert.problem = "no_moderators"
    elif not recipients.reachable:
        alert.problem = "no_address"
    alert.save()
    if alert.problem:
        logger.error("An urgent alert reached nobody by email (%s)", alert.problem)
        return 0
    return _send_urgent_alert(alert, sorted(recipients.addresses.values()), attempt=1)


def _send_urgent_alert(alert: UrgentAlert, addresses: list[str], *, attempt: int) -> int:
    try:
        sent = send_or_retry(
            _urgent_message(addresses),
            task=send_urgent_alert,
            task_kwargs={"alert_id": alert.pk},
            attempt=attempt,
        )
    except TEMPORARY_MAIL_ERRORS:
        sent = False
        logger.error("The urgent alert email could not be sent, and will not be tried again")
    if not sent:
        # Until a retry gets through, the queue and the admin say nobody was emailed.
        UrgentAlert.objects.filter(pk=alert.pk).update(emailed=0, problem="send_failed")
        return 0
    UrgentAlert.objects.filter(pk=alert.pk).update(emailed=len(addresses), problem="")
    return len(addresses)


@task
def send_urgent_alert(*, alert_id: int, attempt: int = 1) -> int:
    """An urgent alert's email again, after the mail server refused it, to whoever would be told
    now; nothing is sent once the post is no longer waiting and urgent."""
    alert = UrgentAlert.objects.filter(
        pk=alert_id, emailed=0, post__is_urgent=True, post__status=Status.PENDING
    ).first()
    if alert is None:
        return 0
    addresses = sorted(duty.urgent_recipients().addresses.values())
    if not addresses:
        UrgentAlert.objects.filter(pk=alert.pk).update(problem="no_address")
        return 0
    return _send_urgent_alert(alert, addresses, attempt=attempt)


def queue_summary() -> dict:
    waiting = Post.objects.filter(status=Status.PENDING)
    reported = Report.objects.filter(resolved_at=None).values("post").distinct().count()
    return {
        "waiting": waiting.count(),
        "urgent": waiting.filter(is_urgent=True).count(),
        "reported": reported,
        "oldest": waiting.aggregate(oldest=Min("created_at"))["oldest"],
    }


@task
def send_queue_digest(*, attempt: int = 1) -> int:
    """Once a day: how much waits in the queue, to every moderator with a contact address (tried
    again later, with the numbers of then, while the mail server refuses)."""
    summary = queue_summary()
    lines = [
        _("Waiting for a moderator: %(count)s") % {"count": summary["waiting"]},
        _("Of which urgent: %(count)s") % {"count": summary["urgent"]},
        _("Posts with open reports: %(count)s") % {"count": summary["reported"]},
    ]
    if summary["oldest"]:
        hours = int((timezone.now() - summary["oldest"]).total_seconds() // 3600)
        lines.append(_("The oldest has waited %(hours)s hours.") % {"hours": hours})
    addresses = sorted(contact_addresses(duty.moderators().values_list("pk", flat=True)).values())
    if not addresses:
        logger.error("The moderation digest has nobody to go to: no moderator has an address")
        return 0
    message = SiteEmailMessage(
        subject=_("Moderation queue today: %(count)s waiting") % {"count": summary["waiting"]},
        body="\n".join([*lines, "", _queue_url()]),
        to=addresses,
        headers=dict(AUTOMATIC_HEADERS),
    )
    if not send_or_retry(message, task=send_queue_digest, task_kwargs={}, attempt=attempt):
        return 0
    return len(addresses)


def redaction_retention() -> datetime.timedelta:
    return datetime.timedelta(days=settings.MODERATION_REDACTION_RETENTION_DAYS)


@task
def purge_redacted_originals() -> int:
    """Deletes removed text older than the retention period; the log keeps that it was purged."""
    old = RedactedOriginal.objects.filter(created_at__lt=timezone.now() - redaction_retention())
    count = old.count()
    if count:
        with transaction.atomic():
            old.delete()
            audit.record(
                action=AuditAction.ORIGINALS_PURGED,
                actor=None,
                target=None,
                data={"count": count},
            )
    return count
