"""Background delivery of messages to experts."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.utils.translation import gettext as _

from mscos.core.mail_delivery import send_or_retry
from mscos.people.models import Person


@task
def deliver_expert_message(
    *,
    person_id: int,
    sender_name: str,
    sender_email: str,
    organisation: str,
    message: str,
    attempt: int = 1,
) -> bool:
    """Emails the expert with Reply-To set to the sender; False if they cannot be reached now."""
    person = Person.objects.filter(pk=person_id).first()
    if person is None or not person.can_be_contacted:
        return False
    sender = f"{sender_name} ({organisation})" if organisation else sender_name
    body = "\n\n".join(
        [
            _(
                "%(sender)s sent you this message through the MSCOS Community of Practice "
                "website's Access to experts page."
            )
            % {"sender": sender},
            message,
            _(
                "Reply to this email to answer them; your reply goes to %(address)s. Your own "
                "address was not shown to them."
            )
            % {"address": sender_email},
        ]
    )
    mail = EmailMessage(
        subject=_("A message through Access to experts from %(sender)s") % {"sender": sender_name},
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[person.contact_email],
        reply_to=[sender_email],
    )
    arguments = {
        "person_id": person_id,
        "sender_name": sender_name,
        "sender_email": sender_email,
        "organisation": organisation,
        "message": message,
    }
    return send_or_retry(mail, task=deliver_expert_message, task_kwargs=arguments, attempt=attempt)
