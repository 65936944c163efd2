"""The queue: everything waiting, one click per item, or many at once."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from mscos.forum.models import Post
from mscos.moderation import forms, selectors, services, wording
from mscos.moderation.views.common import _errors, _moderator_only


def _queue_context(request, items, bulk_form=None) -> dict:
    mine = selectors.settings_for(request.user)
    return {
        "items": items,
        "templates": list(selectors.rejection_templates()),
        "categories": list(forms.ForumCategory.objects.all()),
        "automatic": list(selectors.open_automatic_actions()),
        "notices": list(selectors.unread_notices(request.user)),
        "shortcuts_on": mine.single_key_shortcuts,
        "bulk_form": bulk_form,
        # A refused bulk form comes back as it was sent: ticks, action, message, reason.
        "ticked": set(request.POST.getlist("posts")) if bulk_form else set(),
        "bulk_values": request.POST if bulk_form else {},
        "now_user": request.user,
        "section": "queue",
        "bulk_actions": forms.BulkDecisionForm.ACTIONS,
    }


def _item_decision(request, action: str, post: Post) -> None:
    """One click on one item in the queue, with its optional message and reason."""
    reason = request.POST.get(f"reason-{post.pk}", "")[:300]
    template = (
        selectors.rejection_templates()
        .filter(pk=_int(request.POST.get(f"template-{post.pk}")))
        .first()
    )
    if action == "approve":
        services.queue_approve(post=post, acting_user=request.user, reason=reason)
        messages.success(request, wording.APPROVED)
    elif action == "reject":
        if template is None:
            raise ValidationError(_("Please choose the message the writer will see."))
        services.queue_reject(
            post=post, message=template.message, acting_user=request.user, reason=reason
        )
        messages.success(request, wording.REJECTED)
    elif action == "hide":
        services.queue_hide(
            post=post,
            acting_user=request.user,
            message=template.message if template else "",
            reason=reason,
        )
        messages.success(request, wording.HIDDEN)
    elif action == "claim":
        services.claim_take(post=post, acting_user=request.user)
        messages.success(
            request,
            wording.CLAIMED % {"minutes": services.claims.claim_minutes()},
        )
    elif action == "release":
        services.claim_release(post=post, acting_user=request.user)
        messages.success(request, wording.RELEASED)
    else:
        raise Http404


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _bulk_decision(request, form: forms.BulkDecisionForm) -> None:
    data = form.cleaned_data
    action = data["bulk_action"]
    done, skipped = 0, []
    posts = Post.objects.select_related("topic__category", "author").filter(pk__in=data["posts"])
    for post in posts:
        try:
            # Each post on its own: one claimed by someone else does not stop the rest.
            with transaction.atomic():
                if action == "approve":
                    services.queue_approve(
                        post=post, acting_user=request.user, reason=data["reason"]
                    )
                elif action == "reject":
                    services.queue_reject(
                        post=post,
                        message=data["template"].message,
                        acting_user=request.user,
                        reason=data["reason"],
                    )
                elif action == "hide":
                    services.queue_hide(
                        post=post,
                        acting_user=request.user,
                        message=data["template"].message if data["template"] else "",
                        reason=data["reason"],
                    )
                elif action == "lock":
                    services.queue_lock_topic(
                        post=post, acting_user=request.user, reason=data["reason"]
                    )
                elif action == "move":
                    services.queue_move_topic(
                        post=post,
                        category=data["category"],
                        acting_user=request.user,
                        reason=data["reason"],
                    )
            done += 1
        except ValidationError as error:
            skipped.append(_errors(error))
    if done:
        messages.success(
            request,
            ngettext("Done for %(count)s post.", "Done for %(count)s posts.", done)
            % {"count": done},
        )
    for message in skipped:
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
            post = get_object_or_404(
                Post.objects.select_related("topic__category", "author"), pk=_int(post_id)
            )
            try:
                _item_decision(request, action, post)
            except ValidationError as error:
                messages.error(request, _errors(error))
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
