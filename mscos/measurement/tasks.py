from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from mscos.core.mail import AUTOMATIC_HEADERS
from mscos.core.mail_delivery import send_or_retry
from mscos.core.site_address import absolute_url
from mscos.measurement import tokens
from mscos.measurement.models import Invitation


@task
def send_invitation(*, invitation_id: int, attempt: int = 1) -> bool:
    """Sends a lead's invitation; while the mail server is away, comes back later."""
    invitation = Invitation.objects.select_related("organisation").filter(pk=invitation_id).first()
    if invitation is None or invitation.accepted_at is not None:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "link": absolute_url(
                reverse("measurement:invitation", args=[tokens.invitation_token(invitation.pk)])
            ),
        }
        subject = render_to_string("measurement/mail/invitation_subject.txt", context)
        body = render_to_string("measurement/mail/invitation.txt", context)
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[invitation.email],
        headers=AUTOMATIC_HEADERS,
    )
    return send_or_retry(
        message,
        task=send_invitation,
        task_kwargs={"invitation_id": invitation_id},
        attempt=attempt,
    )
