"""The join page's form."""

from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from mscos.joining import selectors, services
from mscos.joining.forms import JoinForm
from mscos.newsletter.selectors import current_consent_text
from mscos.safety.bot_check import RATE_LIMITED_MESSAGE, allow_form_post

JOIN_LIMIT = 5
JOIN_WINDOW_SECONDS = 60 * 60


@never_cache
def join_page(request, *, page):
    form = JoinForm(
        request.POST or None,
        outcome_choices=selectors.outcome_choices(),
        consent_text=current_consent_text(),
    )
    joined = None
    status = 200
    if request.method == "POST" and form.is_valid():
        if allow_form_post(
            request, action="join", limit=JOIN_LIMIT, window_seconds=JOIN_WINDOW_SECONDS
        ):
            joined = services.join_request_create(**form.cleaned_data_for_service())
        else:
            form.add_error(None, RATE_LIMITED_MESSAGE)
            status = 429
    context = page.get_context(request)
    context.update(form=form, joined=joined)
    return TemplateResponse(request, "joining/join_page.html", context, status=status)
