"""{% mail_delay_notice %}: a calm line on account pages while a mail to the member is late."""

from django import template
from django.utils.html import format_html

from mscos.accounts import mail, wording

register = template.Library()


@register.simple_tag(takes_context=True)
def mail_delay_notice(context) -> str:
    request = context.get("request")
    if request is None or not mail.mail_is_delayed(request.user):
        return ""
    return format_html('<p class="callout" role="status">{}</p>', wording.MAIL_DELAYED)
