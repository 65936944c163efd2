"""Moderators' own settings and notices; a member's reports; the report form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from mscos.accounts.selectors import contact_address
from mscos.forum import permissions as forum_permissions
from mscos.moderation import check_in, forms, selectors, services, wording
from mscos.moderation.views.common import _moderator_only
from mscos.safety.addresses import address_hash


@never_cache
@login_required
def moderator_settings(request):
    """Hours on duty, on-call, and single-key shortcuts, remembered per moderator."""
    _moderator_only(request)
    mine = selectors.settings_for(request.user)
    if request.method == "POST" and "shortcuts_only" in request.POST:
        shortcuts = forms.ShortcutsForm(request.POST)
        shortcuts.is_valid()
        services.moderator_settings_save(
            acting_user=request.user,
            single_key_shortcuts=shortcuts.cleaned_data.get("single_key_shortcuts", False),
        )
        messages.success(request, wording.SHORTCUT_SETTING_SAVED)
        return redirect("moderation:queue")
    form = forms.ModeratorSettingsForm(request.POST or None, instance=mine)
    if request.method == "POST" and form.is_valid():
        services.moderator_settings_save(
            acting_user=request.user,
            **{name: form.cleaned_data[name] for name in form.Meta.fields},
        )
        messages.success(request, wording.SAVED)
        return redirect("moderation:settings")
    told_now, rule = selectors.who_is_told_now()
    return render(
        request,
        "moderation/settings.html",
        {
            "form": form,
            "section": "settings",
            "told_now": told_now,
            "told_rule": rule,
            "my_address": contact_address(request.user),
            "alert_warnings": selectors.alert_warnings(),
        },
    )


@login_required
@require_POST
def notices_read(request):
    _moderator_only(request)
    services.notices_mark_read(acting_user=request.user)
    return redirect("moderation:queue")


@never_cache
@login_required
def my_reports(request):
    """A member's reports and what became of them, and messages the moderators sent them."""
    return render(
        request,
        "moderation/my_reports.html",
        {
            "reports": selectors.reports_by(request.user),
            "outcomes": selectors.REPORT_OUTCOMES,
            "notices": selectors.notices_for(request.user),
            "check_in_text": check_in.message_for(),
        },
    )


@never_cache
def report(request, post_id: int):
    """Anyone, signed in or not, can ask a moderator to look at a post."""
    post = forum_permissions.get_post_for_user_or_404(request.user, post_id)
    form = forms.ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_create(
                post=post,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
                acting_user=request.user,
                reporter_hash=address_hash(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "moderation/report_received.html", {"post": post})
    return render(request, "moderation/report.html", {"form": form, "post": post})
