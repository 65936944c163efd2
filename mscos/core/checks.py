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


# migrate itself corrects the Site record afterwards (post_migrate), so its own pre-flight
# checks must not stop it; the migrate command in core/management sets this while it checks.
_site_check_paused = False


@register(deploy=False)
def wagtail_site_matches_site_url(app_configs, **kwargs):
    """Wagtail builds the sitemap's and pages' full URLs from its default Site record: it must
    say the same host and port as SITE_URL, the address every mail and file links to."""
    if _site_check_paused:
        return []
    from django.db import DatabaseError
    from wagtail.models import Site

    from mscos.core.site_address import site_address_problem

    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:
        return []  # no database yet: migrate will create the record at SITE_URL
    if site is None:
        return []
    problem = site_address_problem(site)
    if not problem:
        return []
    return [
        Error(
            f"Links would point to the wrong address: {problem}.",
            hint=(
                "Run `manage.py migrate` (it sets the record from SITE_URL), or correct "
                "SITE_URL. Wagtail can say https only on port 443."
            ),
            id="mscos.E002",
        )
    ]
