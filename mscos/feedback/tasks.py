from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation

from mscos.feedback.models import Feedback


@task
def send_feedback_reply(*, feedback_id: int) -> None:
    feedback = Feedback.objects.filter(pk=feedback_id).first()
    if feedback is None or not feedback.email or not feedback.reply:
        return
    with translation.override("en-gb"):
        subject = render_to_string("feedback/mail/reply_subject.txt", {"feedback": feedback})
        body = render_to_string("feedback/mail/reply.txt", {"feedback": feedback})
    EmailMessage(subject=subject.strip(), body=body, to=[feedback.email]).send()
