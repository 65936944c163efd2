"""Background work for accounts: allauth's mails, sent outside the request and retried."""

from django.tasks import task

from mscos.accounts import mail
from mscos.accounts.models import User
from mscos.core.mail_delivery import TEMPORARY_MAIL_ERRORS, send_or_retry


@task
def send_account_mail(
    *,
    template_prefix: str,
    to: str,
    links: dict[str, str],
    language: str,
    user_id: int | None = None,
    attempt: int = 1,
) -> str:
    """Renders and sends one account mail; while the server is away, comes back later."""
    user = User.objects.filter(pk=user_id).first() if user_id is not None else None
    message = mail.build_account_mail(
        template_prefix=template_prefix, to=to, links=links, user=user, language=language
    )
    arguments = {
        "template_prefix": template_prefix,
        "to": to,
        "links": links,
        "language": language,
        "user_id": user_id,
    }
    try:
        sent = send_or_retry(
            message, task=send_account_mail, task_kwargs=arguments, attempt=attempt
        )
    except TEMPORARY_MAIL_ERRORS:
        mail.mail_delay_note(user_id=user_id)
        raise
    if not sent:
        mail.mail_delay_note(user_id=user_id)
        return "retrying"
    mail.mail_delay_clear(user_id=user_id)
    return "sent"
