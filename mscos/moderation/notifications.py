"""Telling moderators: urgent items at once (email and a notice on the site), a daily digest,
and the purge of removed text after its retention period. All run as tasks."""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Min
from django.tasks import task
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mscos.forum import audit
from mscos.forum.models import Post, Status
from mscos.moderation import duty
from mscos.moderation.models import Notice, RedactedOriginal, Report


def urgent_item_arrived(post: Post) -> None:
    """Enqueues the urgent notice once the post is safely saved."""
    post_id = post.pk
    transaction.on_commit(lambda: notify_urgent.enqueue(post_id))


def _addresses(user_ids) -> list[str]:
    return list(
        EmailAddress.objects.filter(user_id__in=user_ids, verified=True, primary=True)
        .order_by("email")
        .values_list("email", flat=True)
    )


def _queue_url() -> str:
    return f"{settings.SITE_URL}{reverse('moderation:queue')}"


@task
def notify_urgent(post_id: int) -> int:
    """Tells the moderators on duty (or, outside hours, the on-call moderators) about an urgent
    post; returns how many were told. The post's words are never put in an email."""
    if Notice.objects.filter(post_id=post_id, kind=Notice.Kind.URGENT).exists():
        return 0  # already told
    if not Post.objects.filter(pk=post_id, is_urgent=True).exists():
        return 0
    recipients = duty.on_duty_moderator_ids() or duty.on_call_moderator_ids()
    if not recipients:
        recipients = list(duty.moderators().values_list("pk", flat=True))
    text = _("An urgent post is waiting: someone may be in danger. Please look at it now.")
    Notice.objects.bulk_create(
        Notice(recipient_id=pk, kind=Notice.Kind.URGENT, text=text, post_id=post_id)
        for pk in recipients
    )
    addresses = _addresses(recipients)
    if addresses:
        send_mail(
            _("Urgent: a post in the moderation queue needs you now"),
            f"{text}\n\n{_queue_url()}\n\n"
            + _("This email does not contain the post. Sign in to read it."),
            None,
            addresses,
        )
    return len(recipients)


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
def send_queue_digest() -> int:
    """Once a day: how much waits in the queue, to every moderator with a verified address."""
    summary = queue_summary()
    lines = [
        _("Waiting for a moderator: %(count)s") % {"count": summary["waiting"]},
        _("Of which urgent: %(count)s") % {"count": summary["urgent"]},
        _("Posts with open reports: %(count)s") % {"count": summary["reported"]},
    ]
    if summary["oldest"]:
        hours = int((timezone.now() - summary["oldest"]).total_seconds() // 3600)
        lines.append(_("The oldest has waited %(hours)s hours.") % {"hours": hours})
    addresses = _addresses(duty.moderators().values_list("pk", flat=True))
    if not addresses:
        return 0
    send_mail(
        _("Moderation queue today: %(count)s waiting") % {"count": summary["waiting"]},
        "\n".join([*lines, "", _queue_url()]),
        None,
        addresses,
    )
    return len(addresses)


def redaction_retention() -> datetime.timedelta:
    return datetime.timedelta(
        days=int(getattr(settings, "MODERATION_REDACTION_RETENTION_DAYS", 90))
    )


@task
def purge_redacted_originals() -> int:
    """Deletes removed text older than the retention period; the log keeps that it was purged."""
    old = RedactedOriginal.objects.filter(created_at__lt=timezone.now() - redaction_retention())
    count = old.count()
    if count:
        with transaction.atomic():
            old.delete()
            audit.record(
                action="redacted_originals_purged",
                actor=None,
                target=None,
                data={"count": count},
            )
    return count
