"""Sending an update by email from the admin: a test to oneself, then everyone, after a check."""

from allauth.account.models import EmailAddress
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mscos.newsletter import permissions, selectors, services
from mscos.newsletter.messages import (
    PREFERENCES_PLACEHOLDER,
    UNSUBSCRIBE_PLACEHOLDER,
    build_message,
    new_message_id,
)
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


def _own_address(user) -> str | None:
    verified = EmailAddress.objects.filter(user=user, verified=True).order_by("-primary").first()
    return verified.email if verified else (user.email or None)


def send_update(request, page_id: int):
    if not permissions.can_send_mailing(request.user):
        raise PermissionDenied
    page = get_object_or_404(UpdatePage, pk=page_id)
    mailing = selectors.mailing_for_page(page)
    context = {
        "page": page,
        "mailing": mailing,
        "progress": selectors.mailing_progress(mailing) if mailing else None,
        "own_address": _own_address(request.user),
        "form": AudienceForm(),
    }
    if request.method == "POST" and mailing is None:
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
                context.update(
                    form=form,
                    confirming=True,
                    interests=interests,
                    recipient_count=selectors.recipients_for([o.pk for o in interests]).count(),
                )
            elif action == "confirm":
                subject, html, text = render_update_email(page)
                try:
                    services.mailing_start(
                        page=page,
                        subject=subject,
                        html_body=html,
                        text_body=text,
                        interests=interests,
                        acting_user=request.user,
                    )
                except services.MailingAlreadyStarted:
                    messages.warning(request, wording.ALREADY_SENT)
                except ValidationError:
                    messages.error(request, wording.SUBJECT_HAS_LINE_BREAK)
                else:
                    messages.success(request, wording.SENDING_HAS_STARTED)
                return redirect("updates_send", page_id=page.pk)
        context["form"] = form
    return TemplateResponse(request, "updates/admin/send.html", context)


def _send_test(request, page, address):
    if not address:
        messages.error(request, wording.NO_ADDRESS_FOR_TEST)
        return redirect("updates_send", page_id=page.pk)
    subject, html, text = render_update_email(page)
    sample = "#test-message"
    html = html.replace(UNSUBSCRIBE_PLACEHOLDER, sample).replace(PREFERENCES_PLACEHOLDER, sample)
    text = text.replace(UNSUBSCRIBE_PLACEHOLDER, sample).replace(PREFERENCES_PLACEHOLDER, sample)
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
