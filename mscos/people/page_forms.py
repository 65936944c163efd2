"""What the expert directory's contact form does when it is sent: checked, held to a rate limit,
then passed to `expert_message_send`. The page (ExpertDirectoryPage.contact) shows the outcome."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.translation import gettext as _

from mscos.people import services
from mscos.people.forms import ContactExpertForm
from mscos.people.models import Person
from mscos.safety import ratelimit
from mscos.safety.addresses import address_hash

MESSAGES_PER_HOUR = 5


@dataclass
class ContactAttempt:
    form: ContactExpertForm
    sent: bool = False
    status: int = 200


def contact_attempt(request: HttpRequest, *, person: Person) -> ContactAttempt:
    """The form as sent, whether the message went, and the status to answer with."""
    form = ContactExpertForm(request.POST or None)
    if request.method != "POST":
        return ContactAttempt(form=form)
    if not form.is_valid():
        return ContactAttempt(form=form, status=400)
    allowed = ratelimit.allow(
        f"expert-contact:{address_hash(request)}",
        limit=MESSAGES_PER_HOUR,
        window_seconds=60 * 60,
    )
    if not allowed:
        form.add_error(
            None,
            _("You have sent several messages in a short time. Please try again in an hour."),
        )
        return ContactAttempt(form=form, status=429)
    services.expert_message_send(
        person=person,
        sender_name=form.cleaned_data["name"],
        sender_email=form.cleaned_data["email"],
        organisation=form.cleaned_data["organisation"],
        message=form.cleaned_data["message"],
    )
    return ContactAttempt(form=form, sent=True)
