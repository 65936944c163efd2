"""Member histories (each look logged) and undoing out-of-hours actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from mscos.accounts.models import User
from mscos.moderation import selectors, services, wording
from mscos.moderation.views.common import _errors, _moderator_only


@never_cache
@login_required
def member(request, user_id: int):
    """A member's named posts and past actions; opening the page writes to the audit log."""
    _moderator_only(request)
    subject = get_object_or_404(User, pk=user_id)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "restore":
                services.member_restore(
                    member=subject,
                    acting_user=request.user,
                    reason=request.POST.get("reason", "")[:300],
                )
                messages.success(request, wording.MEMBER_MAY_POST_AGAIN)
            elif action == "lift_probation":
                services.member_probation_lift(
                    member=subject,
                    acting_user=request.user,
                    reason=request.POST.get("reason", "")[:300],
                )
                messages.success(request, wording.PROBATION_LIFTED)
            else:
                raise Http404
        except ValidationError as error:
            messages.error(request, _errors(error))
        return redirect("moderation:member", user_id=subject.pk)
    history = services.member_history_view(member=subject, acting_user=request.user)
    return render(request, "moderation/member.html", {"history": history, "subject": subject})


@never_cache
@login_required
@require_POST
def automatic_undo(request, action_id: int):
    _moderator_only(request)
    action = selectors.automatic_action(action_id)
    if action is None:
        raise Http404
    try:
        services.automatic_action_undo(action=action, acting_user=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, wording.UNDONE)
    return redirect("moderation:queue")
