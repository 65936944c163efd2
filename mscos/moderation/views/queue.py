"""The queue: everything waiting, one click per item, or many at once."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from mscos.core.query_params import int_param, parse_int
from mscos.forum import permissions as forum_permissions
from mscos.forum import selectors as forum_selectors
from mscos.forum.models import Post
from mscos.moderation import forms, selectors, services, wording
from mscos.moderation.models import Decision
from mscos.moderation.views.common import _errors, _moderator_only


def _queue_context(request, items, bulk_form=None) -> dict:
    mine = selectors.settings_for(request.user)
    return {
        "items": items,
        "templates": list(selectors.rejection_templates()),
        "categories": list(forum_selectors.categories_in_order()),
        "automatic": list(selectors.open_automatic_actions()),
        "notices": selectors.unread_notices(request.user),
        "alert_warnings": selectors.alert_warnings(),
        "undoable": selectors.undoable_decisions(request.user),
        "undo_minutes": services.undo_minutes(),
        "may_take_over": forum_permissions.can_reveal_anonymous_author(request.user),
        "shortcuts_on": mine.single_key_shortcuts,
        "bulk_form": bulk_form,
        # A refused bulk form comes back as it was sent: ticks, action, message, reason.
        "ticked": set(request.POST.getlist("posts")) if bulk_form else set(),
        "bulk_values": request.POST if bulk_form else {},
        "now_user": request.user,
        "section": "queue",
        "bulk_actions": forms.BulkDecisionForm.ACTIONS,
    }


ITEM_DONE = {
    "approve": wording.APPROVED,
    "reject": wording.REJECTED,
    "hide": wording.HIDDEN,
}


def _item_decision(request, action: str, post: Post):
    """One click on one item in the queue, with its optional message and reason. Approving an
    urgent post is never one click: it leads to the confirmation step (returned as a redirect)."""
    reason = request.POST.get(f"reason-{post.pk}", "")[:300]
    # No number (None) finds no template, as wanted.
    template = selectors.rejection_template(int_param(request.POST, f"template-{post.pk}"))
    if action == "approve" and post.is_urgent:
        messages.warning(request, wording.URGENT_NEEDS_A_STEP)
        return redirect("moderation:publish_urgent", post_id=post.pk)
    if action in ITEM_DONE:
        if action == "reject" and template is None:
            raise ValidationError(_("Please choose the message the writer will see."))
        services.queue_decide(
            post=post,
            action=action,
            acting_user=request.user,
            reason=reason,
            message=template.message if template else "",
        )
        messages.success(request, ITEM_DONE[action])
    elif action == "claim":
        services.claim_take(post=post, acting_user=request.user)
        messages.success(
            request,
            wording.CLAIMED % {"minutes": services.claims.claim_minutes()},
        )
    elif action == "take_over":
        services.claim_take_over(post=post, acting_user=request.user, reason=reason)
        messages.success(request, wording.TAKEN_OVER)
    elif action == "release":
        services.claim_release(post=post, acting_user=request.user)
        messages.success(request, wording.RELEASED)
    else:
        raise Http404
    return None


def _bulk_decision(request, form: forms.BulkDecisionForm) -> None:
    data = form.cleaned_data
    outcome = services.queue_decide_many(
        post_ids=data["posts"],
        action=data["bulk_action"],
        acting_user=request.user,
        reason=data["reason"],
        message=data["template"].message if data["template"] else "",
        category=data["category"],
    )
    if outcome.done:
        messages.success(
            request,
            ngettext("Done for %(count)s post.", "Done for %(count)s posts.", outcome.done)
            % {"count": outcome.done},
        )
    if outcome.urgent:
        messages.warning(
            request,
            ngettext(
                "%(count)s urgent post was left as it was: someone may be in danger. Open it "
                "and decide it on its own.",
                "%(count)s urgent posts were left as they were: someone may be in danger. Open "
                "each one and decide it on its own.",
                outcome.urgent,
            )
            % {"count": outcome.urgent},
        )
    for message in outcome.refused:
        messages.error(request, message)


@never_cache
@login_required
def queue(request):
    """Everything waiting, urgent first; decide one item with one click, or many at once."""
    _moderator_only(request)
    items = selectors.moderation_queue()
    bulk_form = None
    if request.method == "POST":
        item_action = request.POST.get("item_action", "")
        if item_action:
            action, _sep, post_id = item_action.partition(":")
            post = selectors.post_for_moderation(parse_int(post_id))
            if post is None:
                raise Http404
            try:
                step = _item_decision(request, action, post)
            except ValidationError as error:
                messages.error(request, _errors(error))
            else:
                if step is not None:
                    return step
            return redirect("moderation:queue")
        if "bulk" not in request.POST:
            messages.info(request, wording.NO_ACTION_CHOSEN)
            return redirect("moderation:queue")
        bulk_form = forms.BulkDecisionForm(request.POST, post_ids=[item.post.pk for item in items])
        if bulk_form.is_valid():
            _bulk_decision(request, bulk_form)
            return redirect("moderation:queue")
        messages.error(
            request, " ".join(str(e) for errors in bulk_form.errors.values() for e in errors)
        )
    return render(request, "moderation/queue.html", _queue_context(request, items, bulk_form))


@never_cache
@login_required
@require_POST
def decision_undo(request, decision_id: int):
    """Undo, offered on the queue for a few minutes after deciding."""
    _moderator_only(request)
    decision = get_object_or_404(Decision, pk=decision_id)
    try:
        services.decision_undo(decision=decision, acting_user=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    except PermissionDenied as error:
        raise Http404 from error
    else:
        messages.success(request, wording.DECISION_UNDONE)
    return redirect("moderation:queue")
