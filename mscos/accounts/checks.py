"""Deployment checks for mail: a sender at localhost is refused or filed as spam by many servers."""

import ipaddress
from email.utils import parseaddr

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def sender_address_is_real(app_configs, **kwargs):
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2].lower()
    try:
        ipaddress.ip_address(domain.strip("[]"))
        is_address = True
    except ValueError:
        is_address = False
    if domain in {"", "localhost"} or domain.endswith(".localhost") or is_address:
        return [
            Warning(
                f"DEFAULT_FROM_EMAIL is {settings.DEFAULT_FROM_EMAIL!r}: mail from it is often "
                "refused or filed as spam.",
                hint="Set SITE_URL to the public address, or DEFAULT_FROM_EMAIL to a real "
                "sender such as 'MSCOS Community of Practice <noreply@mscos.example.org>'.",
                id="mscos.W101",
            )
        ]
    return []
