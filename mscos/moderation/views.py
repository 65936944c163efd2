"""The moderation queue and the report form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from mscos.forum import permissions as forum_permissions
from mscos.forum.models import Post
from mscos.moderation import selectors, services
from mscos.moderation.forms import REJECTION_REASONS, QueueDecisionForm, ReportForm
from mscos.safety.addresses import address_hash


@never_cache
@login_required
def queue(request):
    """Everything waiting, urgent first; decide one post or many at once."""
    if not forum_permissions.is_moderator(request.user):
        raise Http404
    items = selectors.moderation_queue()
    if request.method == "POST":
        form = QueueDecisionForm(request.POST, post_ids=[item.post.pk for item in items])
        if form.is_valid():
            posts = Post.objects.select_related("topic__category").filter(
                pk__in=form.cleaned_data["posts"]
            )
            for post in posts:
                if form.cleaned_data["decision"] == "approve":
                    services.queue_approve(post=post, acting_user=request.user)
                else:
                    services.queue_reject(
                        post=post, reason=form.reason_text(), acting_user=request.user
                    )
            messages.success(
                request,
                _("Done: %(count)s post(s) %(decision)s.")
                % {
                    "count": len(posts),
                    "decision": _("approved")
                    if form.cleaned_data["decision"] == "approve"
                    else _("hidden"),
                },
            )
            return redirect("moderation:queue")
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return render(
        request,
        "moderation/queue.html",
        {"items": items, "reasons": REJECTION_REASONS},
    )


@never_cache
def report(request, post_id: int):
    """Anyone, signed in or not, can ask a moderator to look at a post."""
    post = forum_permissions.get_post_for_user_or_404(request.user, post_id)
    form = ReportForm(request.POST or None)
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
