"""One queued post with every action, and revealing an anonymous author."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from mscos.accounts.models import User
from mscos.forum import permissions as forum_permissions
from mscos.forum.models import Post
from mscos.forum.services import anonymous_author_reveal
from mscos.moderation import forms, selectors, services, wording
from mscos.moderation.views.common import _moderator_only

ITEM_FORMS = {
    "reject": forms.RejectForm,
    "approve": forms.ApproveForm,
    "hide": forms.ReasonForm,
    "lock": forms.ReasonForm,
    "edit": forms.EditForm,
    "move": forms.MoveForm,
    "warn": forms.WarnForm,
    "suspend": forms.SuspendForm,
    "ban": forms.BanForm,
}


def _item_forms(post: Post, data=None, action: str = "") -> dict:
    suggestions = selectors.redaction_suggestions(post)
    bound = lambda name: data if action == name else None  # noqa: E731
    built = {name: form_class(bound(name), prefix=name) for name, form_class in ITEM_FORMS.items()}
    # Each way of publishing an urgent post asks, as its own tick, that it is safe.
    urgent = post.is_urgent
    built["approve"] = forms.ApproveForm(bound("approve"), prefix="approve", urgent=urgent)
    built["edit"] = forms.EditForm(
        bound("edit"), prefix="edit", initial={"body": post.body}, urgent=urgent
    )
    built["redact"] = forms.RedactForm(
        bound("redact"), prefix="redact", suggestions=suggestions, urgent=urgent
    )
    return built


def _apply_item_action(request, post: Post, action: str, form) -> str:
    """Runs one action from the item page; returns the message to show."""
    data, user = form.cleaned_data, request.user
    confirmed = bool(data.get("safe_to_publish"))
    if action == "approve":
        services.queue_approve(
            post=post, acting_user=user, reason=data["reason"], confirmed_urgent=confirmed
        )
        return _("Approved.")
    if action == "reject":
        services.queue_reject(
            post=post, message=data["template"].message, acting_user=user, reason=data["reason"]
        )
        return _("Rejected. The writer sees the message you chose.")
    if action == "hide":
        services.queue_hide(post=post, acting_user=user, reason=data["reason"])
        return _("Hidden.")
    if action == "lock":
        services.queue_lock_topic(post=post, acting_user=user, reason=data["reason"])
        return _("The topic is locked.")
    if action == "move":
        services.queue_move_topic(
            post=post, category=data["category"], acting_user=user, reason=data["reason"]
        )
        return _("The topic was moved.")
    if action == "edit":
        services.queue_edit_approve(
            post=post,
            body=data["body"],
            acting_user=user,
            reason=data["reason"],
            confirmed_urgent=confirmed,
        )
        return _("Changed and approved.")
    if action == "redact":
        phrases, kinds = form.phrases_and_kinds()
        services.queue_redact_approve(
            post=post,
            phrases=phrases,
            kinds=kinds,
            acting_user=user,
            reason=data["reason"],
            confirmed_urgent=confirmed,
        )
        return _("Details removed and the post approved. The writer has been told why.")
    member = _named_author(post)
    if action == "warn":
        services.member_warn(member=member, message=data["message"], acting_user=user, post=post)
        return _("Warning sent.")
    if action == "suspend":
        services.member_suspend(
            member=member, days=data["days"], reason=data["reason"], acting_user=user
        )
        return _("The member cannot post until the suspension ends.")
    if action == "ban":
        services.member_ban(member=member, reason=data["reason"], acting_user=user)
        return _("The member cannot post any more.")
    raise Http404


def _named_author(post: Post) -> User:
    # Member actions from an anonymous post would tie the post to a name in the log.
    if post.author is None or post.is_anonymous:
        raise PermissionDenied
    return post.author


@never_cache
@login_required
def item(request, post_id: int):
    """One post with everything a moderator may do to it, each usable without JavaScript."""
    _moderator_only(request)
    post = selectors.post_for_moderation(post_id)
    if post is None:
        raise Http404
    action = request.POST.get("action", "") if request.method == "POST" else ""
    built = _item_forms(post, request.POST if action else None, action)
    if action:
        form = built.get(action)
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                message = _apply_item_action(request, post, action, form)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, message)
                return redirect("moderation:queue")
        messages.error(request, wording.ACTION_FAILED)
    queued = selectors.queue_item(post.pk)
    return render(
        request,
        "moderation/item.html",
        {
            "post": post,
            "item": queued,
            "forms": built,
            "action": action,
            "suggestions": list(
                zip(built["redact"]["remove"], built["redact"].suggestions, strict=True)
            ),
            "may_reveal": forum_permissions.can_reveal_anonymous_author(request.user),
            "reveal_form": forms.RevealForm(),
        },
        status=400 if action else 200,
    )


@never_cache
@login_required
@require_POST
def reveal(request, post_id: int):
    """A safeguarding lead learns who wrote an anonymous post, with a reason for the log."""
    _moderator_only(request)
    post = get_object_or_404(Post, pk=post_id, is_anonymous=True)
    form = forms.RevealForm(request.POST)
    if not form.is_valid():
        messages.error(request, wording.REVEAL_NEEDS_A_REASON)
        return redirect("moderation:item", post_id=post.pk)
    author = anonymous_author_reveal(
        post=post, acting_user=request.user, reason=form.cleaned_data["reason"]
    )
    return render(request, "moderation/revealed.html", {"post": post, "author": author})


@never_cache
@login_required
def publish_urgent(request, post_id: int):
    """The separate, deliberate step an urgent post needs before it is published: read it,
    tick that it is safe, say why. The queue's Approve (and its `a` key) only lead here."""
    _moderator_only(request)
    post = selectors.post_for_moderation(post_id)
    if post is None:
        raise Http404
    if not post.is_urgent:
        return redirect("moderation:item", post_id=post.pk)
    form = forms.PublishUrgentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.queue_approve(
                post=post,
                acting_user=request.user,
                reason=form.cleaned_data["reason"],
                confirmed_urgent=form.cleaned_data["safe_to_publish"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, wording.URGENT_PUBLISHED)
            return redirect("moderation:queue")
    return render(
        request,
        "moderation/publish_urgent.html",
        {"post": post, "item": selectors.queue_item(post.pk), "form": form},
        status=400 if request.method == "POST" else 200,
    )
