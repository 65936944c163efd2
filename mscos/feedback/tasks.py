from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation

from mscos.accounts.selectors import contact_address
from mscos.core.mail_delivery import send_or_retry
from mscos.feedback.models import Feedback


def reply_to_for(feedback: Feedback) -> list[str]:
    """Where an answer to our reply goes: the team's inbox, else the staff member who replied."""
    address = settings.CONTACT_EMAIL or contact_address(feedback.replied_by)
    return [address] if address else []


@task
def send_feedback_reply(*, feedback_id: int, attempt: int = 1) -> bool:
    """Sends the reply; while the mail server is away, comes back later (core.mail_delivery)."""
    feedback = Feedback.objects.select_related("replied_by").filter(pk=feedback_id).first()
    if feedback is None or not feedback.email or not feedback.reply:
        return False
    with translation.override("en-gb"):
        subject = render_to_string("feedback/mail/reply_subject.txt", {"feedback": feedback})
        body = render_to_string("feedback/mail/reply.txt", {"feedback": feedback})
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[feedback.email],
        reply_to=reply_to_for(feedback),
    )
    return send_or_retry(
        message,
        task=send_feedback_reply,
        task_kwargs={"feedback_id": feedback_id},
        attempt=attempt,
    )
