"""Account pages: overview, display name, recovery codes, badges, export and deletion."""

import json

from allauth.account.views import EmailView
from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from mscos.accounts import selectors, services, wording
from mscos.accounts.adapter import RECOVERY_CODES_SESSION_KEY
from mscos.accounts.forms import (
    BadgeRequestForm,
    DeleteAccountForm,
    DisplayNameForm,
    RecoverPasswordForm,
)
from mscos.accounts.roles import is_staff_member
from mscos.accounts.selectors import has_two_factor
from mscos.core.query_params import int_param


def privacy_notice(request):
    """The privacy page, written from the settings in force."""
    context = {
        "retention_days": settings.ADDRESS_HASH_RETENTION_DAYS,
        "member_hours": settings.MEMBER_SESSION_IDLE_SECONDS // 3600,
        "staff_minutes": settings.STAFF_SESSION_IDLE_SECONDS // 60,
        "task_hours": settings.FINISHED_TASK_RETENTION_HOURS,
    }
    return render(request, "accounts/privacy_notice.html", context)


@login_required
def overview(request):
    user = request.user
    context = {
        "unused_recovery_codes": selectors.unused_recovery_code_count(user=user),
        "badges": services.granted_badges(user),
        "is_staff_member": is_staff_member(user),
        "has_two_factor": has_two_factor(user),
    }
    return render(request, "accounts/overview.html", context)


@login_required
def display_name(request):
    form = DisplayNameForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.display_name_change(
            user=request.user,
            display_name=form.cleaned_data["display_name"],
            acting_user=request.user,
        )
        messages.success(request, wording.DISPLAY_NAME_SAVED)
        return redirect("accounts:overview")
    return render(request, "accounts/display_name.html", {"form": form})


@never_cache
@login_required
def recovery_codes(request):
    """Shows a new set of codes once; a POST makes a new set (the old set stops working)."""
    if request.method == "POST":
        codes = services.recovery_codes_replace(user=request.user, acting_user=request.user)
        request.session[RECOVERY_CODES_SESSION_KEY] = codes
        return redirect("accounts:recovery_codes")
    codes = request.session.get(RECOVERY_CODES_SESSION_KEY)
    return render(request, "accounts/recovery_codes.html", {"codes": codes})


@never_cache
@login_required
def recovery_codes_download(request):
    codes = request.session.get(RECOVERY_CODES_SESSION_KEY)
    if not codes:
        messages.info(request, wording.RECOVERY_CODES_NO_LONGER_SHOWN)
        return redirect("accounts:recovery_codes")
    text = _("MSCOS Community of Practice recovery codes for %(name)s. Each works once.") % {
        "name": request.user.username
    }
    body = "\n".join([text, "", *codes, ""])
    response = HttpResponse(body, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mscos-recovery-codes.txt"'
    return response


@never_cache
@login_required
@require_POST
def recovery_codes_saved(request):
    request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
    messages.success(request, wording.RECOVERY_CODES_KEPT)
    return redirect("accounts:overview")


@never_cache
def recover_password(request):
    """Reset a password with a recovery code: for members who gave no email address."""
    form = RecoverPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"].strip().lower()
        if not ratelimit.consume(request, action="recover_password", key=username):
            form.add_error(None, _("Too many attempts. Please wait an hour and try again."))
            return render(request, "accounts/recover_password.html", {"form": form}, status=429)
        try:
            services.password_reset_with_recovery_code(
                username=username,
                code=form.cleaned_data["code"],
                new_password=form.cleaned_data["new_password1"],
            )
        except services.RecoveryFailed:
            form.add_error(None, _("That sign-in name and recovery code do not match."))
        else:
            messages.success(request, wording.PASSWORD_CHANGED)
            return redirect("account_login")
    return render(request, "accounts/recover_password.html", {"form": form})


@login_required
def badges(request):
    form = BadgeRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.badge_request_create(
                user=request.user, badge=form.cleaned_data["badge"], note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            form.add_error("badge", error)
        else:
            messages.success(request, wording.BADGE_REQUEST_RECEIVED)
            return redirect("accounts:badges")
    requests = selectors.badge_requests_of(user=request.user)
    return render(request, "accounts/badges.html", {"form": form, "requests": requests})


@login_required
@permission_required("accounts.review_badgerequest", raise_exception=True)
def badge_review(request):
    if request.method == "POST":
        badge_request = selectors.pending_badge_request(int_param(request.POST, "request"))
        if badge_request is None:
            raise Http404
        try:
            services.badge_request_decide(
                badge_request=badge_request,
                grant=request.POST.get("decision") == "grant",
                acting_user=request.user,
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        return redirect("accounts:badge_review")
    pending = selectors.pending_badge_requests()
    return render(request, "accounts/badge_review.html", {"pending": pending})


@never_cache
@login_required
def privacy(request):
    return render(request, "accounts/privacy.html", {"form": DeleteAccountForm(user=request.user)})


@never_cache
@login_required
def export(request):
    data = services.account_export(user=request.user)
    body = json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="mscos-my-data-{stamp}.json"'
    return response


@never_cache
@login_required
@require_POST
def delete_account(request):
    form = DeleteAccountForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(request, "accounts/privacy.html", {"form": form}, status=400)
    user = request.user
    logout(request)
    services.account_delete(
        user=user, keep_posts=form.cleaned_data["posts"] == DeleteAccountForm.KEEP, acting_user=user
    )
    response = render(request, "accounts/deleted.html")
    response["Clear-Site-Data"] = '"cookies", "storage"'
    return response


@csrf_exempt
@require_POST
@never_cache
def still_here(request):
    """The "I'm still here" button: any signed-in request renews the idle timer (see
    SessionPolicyMiddleware), so this only has to answer. Without JavaScript it is a plain form
    that comes back to the page it was pressed on.

    The form is in the footer of every signed-in page; a CSRF token there would set the csrftoken
    cookie on every page. Instead the browser's `Sec-Fetch-Site` header, which another site's page
    cannot forge, must say the request came from this site; so no other site can keep someone's
    session alive."""
    if request.headers.get("Sec-Fetch-Site") != "same-origin":
        return HttpResponseForbidden()
    if not request.user.is_authenticated:
        return redirect("account_login")
    if request.headers.get("X-Requested-With") == "fetch":
        return HttpResponse(status=204)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    messages.success(request, wording.YOU_ARE_STILL_SIGNED_IN)
    return redirect(next_url)


class EmailAddressView(EmailView):
    """allauth's email page, which said nothing when "send again" was refused for coming too
    soon after the last mail (its rate limit): now it says to wait, and that the first may come."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        if "action_send" in request.POST and not self._did_send_verification_email:
            messages.info(request, wording.EMAIL_SEND_WAIT)
        return response
