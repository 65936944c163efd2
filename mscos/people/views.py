"""The contact form of the expert directory (served by ExpertDirectoryPage's routes)."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from mscos.people import selectors, services
from mscos.people.forms import ContactExpertForm
from mscos.safety import ratelimit
from mscos.safety.addresses import address_hash

MESSAGES_PER_HOUR = 5


@never_cache
def contact_expert(request, *, page, person_id: int):
    person = selectors.get_contactable_expert_or_404(person_id)
    form = ContactExpertForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            allowed = ratelimit.allow(
                f"expert-contact:{address_hash(request)}",
                limit=MESSAGES_PER_HOUR,
                window_seconds=60 * 60,
            )
            if allowed:
                services.expert_message_send(
                    person=person,
                    sender_name=form.cleaned_data["name"],
                    sender_email=form.cleaned_data["email"],
                    organisation=form.cleaned_data["organisation"],
                    message=form.cleaned_data["message"],
                )
                return redirect(page.url + page.reverse_subpage("sent"))
            form.add_error(
                None,
                _("You have sent several messages in a short time. Please try again in an hour."),
            )
            status = 429
        else:
            status = 400
    return TemplateResponse(
        request,
        "people/contact_expert.html",
        {"page": page, "person": person, "form": form},
        status=status,
    )
