"""System checks for what Django's own checks cannot see in this project."""

from django.conf import settings
from django.core.checks import Error, Tags, register

CSRF_MIDDLEWARE = "mscos.core.middleware.FetchMetadataCsrfMiddleware"


@register(Tags.security, deploy=False)
def csrf_middleware_installed(app_configs, **kwargs):
    """Our CSRF middleware replaces Django's (whose own check, security.W003, is silenced)."""
    if CSRF_MIDDLEWARE in settings.MIDDLEWARE:
        return []
    return [
        Error(
            "CSRF protection is off: add it to MIDDLEWARE.",
            hint=f"Add {CSRF_MIDDLEWARE!r} where Django's CsrfViewMiddleware would go.",
            id="mscos.E001",
        )
    ]
