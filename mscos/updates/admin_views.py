"""Sending an update by email from the admin: a test to oneself, then everyone, after a check."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.utils.decorators import xframe_options_sameorigin_override

from mscos.accounts.selectors import contact_address
from mscos.newsletter import permissions, selectors, services
from mscos.newsletter.greeting import fill_greeting, greeting_for
from mscos.newsletter.messages import (
    PREFERENCES_PLACEHOLDER,
    UNSUBSCRIBE_PLACEHOLDER,
    build_message,
    new_message_id,
    sender_address,
)
from mscos.newsletter.models import Mailing
from mscos.outcomes.models import OutcomePage
from mscos.updates import wording
from mscos.updates.emails import render_update_email
from mscos.updates.models import UpdatePage


class AudienceForm(forms.Form):
    interests = forms.ModelMultipleChoiceField(
        queryset=OutcomePage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Only subscribers interested in"),
        help_text=gettext_lazy(
            "Leave all unticked to send to every subscriber. Subscribers who chose no outcome "
            "get every update."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interests"].queryset = OutcomePage.objects.live().filter(kind=OutcomePage.CORE)


class ScheduleForm(forms.Form):
    send_at = forms.DateTimeField(
        label=gettext_lazy("Send at (UK time)"),
        help_text=gettext_lazy("It can be cancelled until sending starts."),
        error_messages={"required": wording.CHOOSE_A_TIME, "invalid": wording.CHOOSE_A_TIME},
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def clean_send_at(self):
        send_at = self.cleaned_data["send_at"]
        if send_at <= timezone.now() + SCHEDULE_MARGIN:
            raise ValidationError(wording.SCHEDULE_IN_THE_FUTURE)
        return send_at


# A time closer than this would pass before the editor has finished reading the page.
SCHEDULE_MARGIN = datetime.timedelta(minutes=2)


def _own_address(user) -> str | None:
    return contact_address(user)


def _sample(html: str, text: str) -> tuple[str, str]:
    """The mail as a test or a preview shows it: links inert, the greeting neutral."""
    sample = "#test-message"
    html = html.replace(UNSUBSCRIBE_PLACEHOLDER, sample).replace(PREFERENCES_PLACEHOLDER, sample)
    text = text.replace(UNSUBSCRIBE_PLACEHOLDER, sample).replace(PREFERENCES_PLACEHOLDER, sample)
    return fill_greeting(html_body=html, text_body=text, name="")


def _confirmation(page, interests) -> dict:
    """What the editor sees before sending: subject, sender, audience size and the mail."""
    subject, html, text = render_update_email(page)
    _html, sample_text = _sample(html, text)
    return {
        "confirming": True,
        "interests": interests,
        "subject": subject,
        "sender": sender_address(),
        "recipient_count": selectors.recipients_for([o.pk for o in interests]).count(),
        "sample_text": sample_text,
        "sample_greeting": greeting_for(SAMPLE_NAME),
    }


SAMPLE_NAME = "Ana"


def send_update(request, page_id: int):
    if not permissions.can_send_mailing(request.user):
        raise PermissionDenied
    page = get_object_or_404(UpdatePage, pk=page_id)
    mailing = selectors.mailing_for_page(page)
    context = {
        "page": page,
        "mailing": mailing,
        "progress": selectors.mailing_progress(mailing) if mailing else None,
        "scheduled_count": (
            selectors.recipients_for(list(mailing.interests.values_list("pk", flat=True))).count()
            if mailing and mailing.status == Mailing.SCHEDULED
            else None
        ),
        "own_address": _own_address(request.user),
        "form": AudienceForm(),
        "schedule_form": ScheduleForm(),
    }
    if request.method == "POST" and mailing is not None:
        if request.POST.get("action") == "cancel":
            try:
                services.mailing_cancel(mailing=mailing, acting_user=request.user)
            except services.MailingNotScheduled:
                messages.warning(request, wording.TOO_LATE_TO_CANCEL)
            else:
                messages.success(request, wording.SCHEDULE_CANCELLED)
        return redirect("updates_send", page_id=page.pk)
    if request.method == "POST":
        action = request.POST.get("action")
        if not page.live:
            messages.error(request, wording.PUBLISH_BEFORE_SENDING)
            return redirect("updates_send", page_id=page.pk)
        if action == "test":
            return _send_test(request, page, context["own_address"])
        form = AudienceForm(request.POST)
        if form.is_valid():
            interests = list(form.cleaned_data["interests"])
            if action == "review":
                context.update(_confirmation(page, interests))
            elif action == "confirm":
                return _start(request, page, interests, None)
            elif action == "schedule":
                schedule_form = ScheduleForm(request.POST)
                if schedule_form.is_valid():
                    return _start(request, page, interests, schedule_form.cleaned_data["send_at"])
                context.update(_confirmation(page, interests), schedule_form=schedule_form)
        context["form"] = form
    return TemplateResponse(request, "updates/admin/send.html", context)


def _start(request, page, interests, send_at):
    subject, html, text = render_update_email(page)
    try:
        services.mailing_start(
            page=page,
            subject=subject,
            html_body=html,
            text_body=text,
            interests=interests,
            send_after=send_at,
            acting_user=request.user,
        )
    except services.MailingAlreadyStarted:
        messages.warning(request, wording.ALREADY_SENT)
    except ValidationError as error:
        if getattr(error, "code", None) == "past":
            messages.error(request, wording.SCHEDULE_IN_THE_FUTURE)
        else:
            messages.error(request, wording.SUBJECT_HAS_LINE_BREAK)
    else:
        if send_at is None:
            messages.success(request, wording.SENDING_HAS_STARTED)
        else:
            messages.success(
                request,
                wording.SENDING_SCHEDULED
                % {"when": date_format(timezone.localtime(send_at), "DATETIME_FORMAT")},
            )
    return redirect("updates_send", page_id=page.pk)


@xframe_options_sameorigin_override
def mail_preview(request, page_id: int):
    """The update's mail as subscribers will see it, for the frame on the confirmation page."""
    if not permissions.can_send_mailing(request.user):
        raise PermissionDenied
    page = get_object_or_404(UpdatePage, pk=page_id)
    _subject, html, text = render_update_email(page)
    sample_html, _text = _sample(html, text)
    return HttpResponse(sample_html)


def _send_test(request, page, address):
    if not address:
        messages.error(request, wording.NO_ADDRESS_FOR_TEST)
        return redirect("updates_send", page_id=page.pk)
    subject, html, text = render_update_email(page)
    html, text = _sample(html, text)
    try:
        build_message(
            subject=_("[Test] %(subject)s") % {"subject": subject},
            html_body=html,
            text_body=text,
            to=address,
            message_id=new_message_id(),
            list_unsubscribe=None,
        ).send()
    except (OSError, ValidationError, ValueError) as error:
        messages.error(request, wording.TEST_NOT_SENT % {"error": error})
    else:
        messages.success(request, wording.TEST_SENT % {"address": address})
    return redirect("updates_send", page_id=page.pk)
