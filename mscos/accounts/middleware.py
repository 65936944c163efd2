"""Session length by role, and two-factor sign-in before staff reach the admin or moderation."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect

from mscos.accounts import wording
from mscos.accounts.roles import is_staff_member
from mscos.accounts.selectors import has_two_factor
from mscos.core.languages import path_without_language


class SessionPolicyMiddleware:
    """Idle timeouts (shorter for staff) and the two-factor requirement for staff areas."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            staff = is_staff_member(user)
            idle_seconds = (
                settings.STAFF_SESSION_IDLE_SECONDS
                if staff
                else settings.MEMBER_SESSION_IDLE_SECONDS
            )
            request.session.set_expiry(idle_seconds)
            # The page shell warns before this runs out (includes/session_warning.html).
            request.session_idle_seconds = idle_seconds
            request.session_warning_seconds = min(settings.SESSION_WARNING_SECONDS, idle_seconds)
            # /ar/moderation/ is the moderation queue as much as /moderation/ is.
            path = path_without_language(request.path)
            if (
                staff
                and (
                    path.startswith(settings.MFA_REQUIRED_PATH_PREFIXES)
                    or path.endswith(settings.MFA_REQUIRED_PATH_SUFFIXES)
                )
                and not has_two_factor(user)
            ):
                messages.warning(
                    request,
                    wording.STAFF_NEED_TWO_FACTOR,
                )
                return redirect("mfa_activate_totp")
        return self.get_response(request)
