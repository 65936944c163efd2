"""Background work for the newsletter (django.tasks; the worker is `manage.py db_worker`)."""

from django.conf import settings
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from mscos.core.mail_delivery import send_or_retry
from mscos.core.site_address import site_origin
from mscos.newsletter import sending, services
from mscos.newsletter.messages import absolute, build_message, new_message_id, sender_address
from mscos.newsletter.models import Subscriber
from mscos.newsletter.tokens import make_token


@task
def send_confirmation(subscriber_id: int, attempt: int = 1) -> bool:
    """The one mail a new subscriber gets before they confirm; tried again while the mail
    server refuses (core.mail_delivery)."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.PENDING).first()
    if subscriber is None:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "confirm_url": absolute(
                reverse("newsletter:confirm", args=[make_token(subscriber, "confirm")])
            ),
            "site_url": site_origin(),
        }
        text = render_to_string("newsletter/emails/confirm.txt", context)
        subject = translation.gettext("Please confirm your subscription")
    message = build_message(
        subject=subject,
        html_body=render_to_string("newsletter/emails/confirm.html", context),
        text_body=text,
        to=subscriber.email,
        message_id=new_message_id(),
        list_unsubscribe=None,
        from_email=sender_address(),
    )
    return send_or_retry(
        message,
        task=send_confirmation,
        task_kwargs={"subscriber_id": subscriber_id},
        attempt=attempt,
    )


@task
def send_mailing(mailing_id: int) -> None:
    """Delivers a mailing; comes back later by itself for temporary failures."""
    come_back_at = sending.deliver(mailing_id)
    # Without a deferring backend (tests), the periodic resume job comes back instead.
    if come_back_at is not None and send_mailing.get_backend().supports_defer:
        send_mailing.using(run_after=come_back_at).enqueue(mailing_id)


@task
def start_scheduled_mailings() -> list[int]:
    """Starts the mailings an editor scheduled, once their time has come (every minute)."""
    return services.start_due_mailings()


@task
def resume_stalled_mailings() -> list[int]:
    return sending.resume_stalled()


@task
def purge_unconfirmed_subscriptions() -> int:
    return services.purge_unconfirmed()
