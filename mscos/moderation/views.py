"""Moderation pages: the queue, one item with every action, the audit log, member histories,
moderators' settings, and a member's own reports. Thin: permissions, selectors, services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from mscos.accounts.models import User
from mscos.forum import permissions as forum_permissions
from mscos.forum.models import Post
from mscos.forum.services import anonymous_author_reveal
from mscos.moderation import forms, selectors, services
from mscos.moderation.models import AuditEntry, AutomaticAction
from mscos.safety.addresses import address_hash


def _moderator_only(request) -> None:
    if not forum_permissions.is_moderator(request.user):
        raise Http404


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


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
        messages.success(request, _("Approved."))
    elif action == "reject":
        if template is None:
            raise ValidationError(_("Please choose the message the writer will see."))
        services.queue_reject(
            post=post, message=template.message, acting_user=request.user, reason=reason
        )
        messages.success(request, _("Rejected. The writer sees the message you chose."))
    elif action == "hide":
        services.queue_hide(
            post=post,
            acting_user=request.user,
            message=template.message if template else "",
            reason=reason,
        )
        messages.success(request, _("Hidden."))
    elif action == "claim":
        services.claim_take(post=post, acting_user=request.user)
        messages.success(
            request,
            _("You are working on this post; others are kept off it for %(minutes)s minutes.")
            % {"minutes": services.claims.claim_minutes()},
        )
    elif action == "release":
        services.claim_release(post=post, acting_user=request.user)
        messages.success(request, _("Released for others."))
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
            messages.info(request, _("Nothing was done. Please press the button for an action."))
            return redirect("moderation:queue")
        bulk_form = forms.BulkDecisionForm(request.POST, post_ids=[item.post.pk for item in items])
        if bulk_form.is_valid():
            _bulk_decision(request, bulk_form)
            return redirect("moderation:queue")
        messages.error(
            request, " ".join(str(e) for errors in bulk_form.errors.values() for e in errors)
        )
    return render(request, "moderation/queue.html", _queue_context(request, items, bulk_form))


ITEM_FORMS = {
    "reject": forms.RejectForm,
    "approve": forms.ReasonForm,
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
    built["edit"] = forms.EditForm(bound("edit"), prefix="edit", initial={"body": post.body})
    built["redact"] = forms.RedactForm(bound("redact"), prefix="redact", suggestions=suggestions)
    return built


def _apply_item_action(request, post: Post, action: str, form) -> str:
    """Runs one action from the item page; returns the message to show."""
    data, user = form.cleaned_data, request.user
    if action == "approve":
        services.queue_approve(post=post, acting_user=user, reason=data["reason"])
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
            post=post, body=data["body"], acting_user=user, reason=data["reason"]
        )
        return _("Changed and approved.")
    if action == "redact":
        phrases, kinds = form.phrases_and_kinds()
        services.queue_redact_approve(
            post=post, phrases=phrases, kinds=kinds, acting_user=user, reason=data["reason"]
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
    post = get_object_or_404(Post.objects.select_related("topic__category", "author"), pk=post_id)
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
        messages.error(request, _("That did not work. Please see the message below."))
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
        messages.error(request, _("Please say why you need to know who wrote this post."))
        return redirect("moderation:item", post_id=post.pk)
    author = anonymous_author_reveal(
        post=post, acting_user=request.user, reason=form.cleaned_data["reason"]
    )
    return render(request, "moderation/revealed.html", {"post": post, "author": author})


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
                messages.success(request, _("The member may post again."))
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
    action = get_object_or_404(
        AutomaticAction.objects.select_related("post", "member"), pk=action_id
    )
    try:
        services.automatic_action_undo(action=action, acting_user=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Undone."))
    return redirect("moderation:queue")


@never_cache
@login_required
def audit_log(request):
    """Every moderation and safeguarding action, newest first, filtered by who, what, when."""
    _moderator_only(request)
    form = forms.AuditFilterForm(request.GET or None)
    filters = selectors.AuditFilters()
    if form.is_valid():
        filters = selectors.AuditFilters(**form.cleaned_data)
    page = Paginator(selectors.audit_entries(filters), selectors.AUDIT_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "moderation/audit_log.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "section": "log",
            "may_read_originals": forum_permissions.can_reveal_anonymous_author(request.user),
        },
    )


@never_cache
@login_required
@require_POST
def audit_original(request, entry_id: int):
    """The words removed from a post, for safeguarding leads; each reading is logged."""
    _moderator_only(request)
    entry = get_object_or_404(AuditEntry, pk=entry_id, action=AuditEntry.Action.POST_REDACTED)
    text = services.redacted_original_read(entry=entry, acting_user=request.user)
    return render(request, "moderation/original.html", {"entry": entry, "text": text})


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
        messages.success(request, _("Saved your shortcut setting."))
        return redirect("moderation:queue")
    form = forms.ModeratorSettingsForm(request.POST or None, instance=mine)
    if request.method == "POST" and form.is_valid():
        services.moderator_settings_save(
            acting_user=request.user,
            **{name: form.cleaned_data[name] for name in form.Meta.fields},
        )
        messages.success(request, _("Saved."))
        return redirect("moderation:settings")
    return render(request, "moderation/settings.html", {"form": form, "section": "settings"})


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
