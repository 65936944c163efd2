"""Account mails (verification, password reset...) built in a task, and whether one is late.

allauth renders and sends its mails inside the request; here the request only records what the
mail needs (`task_context`) and `tasks.send_account_mail` renders and sends it, retrying while the
mail server is away. A task's arguments are stored in the task table until it is pruned
(core/tasks.py), so they hold only the template, the address, the link and ids: never a name.
"""

from django.conf import settings
from django.core.cache import cache
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from mscos.core.mail import AUTOMATIC_HEADERS, SiteEmailMultiAlternatives

# The links (and the code, where allauth sends codes) are all a mail needs from the request.
LINK_KEYS = ("activate_url", "password_reset_url", "signup_url", "code")

# A late mail is remembered for about as long as its retries run, so the account pages can say so.
DELAY_MEMORY_SECONDS = 24 * 60 * 60


def task_context(context: dict) -> dict[str, str]:
    """What of allauth's mail context goes into the task's (stored) arguments."""
    return {key: str(context[key]) for key in LINK_KEYS if context.get(key)}


def build_account_mail(
    *, template_prefix: str, to: str, links: dict[str, str], user=None, language: str
) -> SiteEmailMultiAlternatives:
    """The mail, rendered in `language` from allauth's template names (ours override them)."""
    context = {
        **links,
        "email": to,
        "user": user,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": settings.SITE_URL,
    }
    # The password reset mail reminds the owner of a verified address of their sign-in name,
    # read here rather than carried in the task's arguments.
    if user is not None and template_prefix.startswith("account/email/password_reset"):
        context["username"] = user.get_username()
    with translation.override(language):
        subject: str = render_to_string(f"{template_prefix}_subject.txt", context)
        text = render_to_string(f"{template_prefix}_message.txt", context).strip()
        try:
            html = render_to_string(f"{template_prefix}_message.html", context).strip()
        except TemplateDoesNotExist:
            html = ""
    # One line, no prefix: "[127.0.0.1:8020] ..." told the reader nothing.
    subject = " ".join(subject.split())
    message = SiteEmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=dict(AUTOMATIC_HEADERS),
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message


def _delay_key(user_id: int) -> str:
    return f"accounts:mail-delayed:{user_id}"


def mail_delay_note(*, user_id: int | None) -> None:
    """Remembers that a mail to this member could not be sent yet."""
    if user_id is not None:
        cache.set(_delay_key(user_id), True, DELAY_MEMORY_SECONDS)


def mail_delay_clear(*, user_id: int | None) -> None:
    if user_id is not None:
        cache.delete(_delay_key(user_id))


def mail_is_delayed(user) -> bool:
    """Whether a mail to this member is waiting for the mail server to come back."""
    return bool(user.is_authenticated and cache.get(_delay_key(user.pk)))
