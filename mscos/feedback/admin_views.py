"""Editors' feedback inbox in the Wagtail admin: read, mark read, reply, export."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from mscos.core.csv_export import csv_response
from mscos.feedback import permissions, selectors, services, wording
from mscos.feedback.forms import ReplyForm
from mscos.feedback.models import Feedback


def inbox(request):
    permissions.check_view_feedback(request.user)
    unread_only = request.GET.get("show") != "all"
    return TemplateResponse(
        request,
        "feedback/admin/inbox.html",
        {
            "items": selectors.feedback_list(unread_only=unread_only)[:200],
            "unread_only": unread_only,
        },
    )


def detail(request, feedback_id: int):
    permissions.check_view_feedback(request.user)
    feedback = get_object_or_404(Feedback, pk=feedback_id)
    form = ReplyForm(request.POST or None)
    if request.method == "POST":
        permissions.check_answer_feedback(request.user)
        action = request.POST.get("action")
        if action in ("read", "unread"):
            services.feedback_mark_read(
                feedback=feedback, acting_user=request.user, read=action == "read"
            )
            return redirect("feedback_admin_inbox")
        if action == "reply" and form.is_valid():
            try:
                services.feedback_reply(
                    feedback=feedback, reply=form.cleaned_data["reply"], acting_user=request.user
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, wording.REPLY_SENT)
                return redirect("feedback_admin_detail", feedback_id=feedback.pk)
    return TemplateResponse(
        request, "feedback/admin/detail.html", {"feedback": feedback, "form": form}
    )


def export_csv(request):
    permissions.check_view_feedback(request.user)
    return csv_response(
        filename="feedback.csv",
        header=[
            _("Received"),
            _("About"),
            _("Message"),
            _("Name"),
            _("Email"),
            _("Read"),
            _("Reply"),
        ],
        rows=(
            [
                timezone.localtime(item.created_at).strftime("%Y-%m-%d %H:%M"),
                item.get_topic_display(),
                item.message,
                item.name,
                item.email,
                _("yes") if item.read_at else _("no"),
                item.reply,
            ]
            for item in selectors.feedback_list()
        ),
    )
