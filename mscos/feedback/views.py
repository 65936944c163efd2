"""The feedback page's form (a page, so editors write its words)."""

from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from mscos.feedback import services
from mscos.feedback.forms import FeedbackForm
from mscos.safety.bot_check import RATE_LIMITED_MESSAGE, allow_form_post

FEEDBACK_LIMIT = 5
FEEDBACK_WINDOW_SECONDS = 60 * 60


@never_cache
def feedback_page(request, *, page):
    form = FeedbackForm(request.POST or None)
    status = 200
    sent = False
    if request.method == "POST" and form.is_valid():
        if allow_form_post(
            request,
            action="feedback",
            limit=FEEDBACK_LIMIT,
            window_seconds=FEEDBACK_WINDOW_SECONDS,
        ):
            services.feedback_create(
                **{key: form.cleaned_data[key] for key in ("topic", "message", "name", "email")}
            )
            sent = True
            form = FeedbackForm()
        else:
            form.add_error(None, RATE_LIMITED_MESSAGE)
            status = 429
    context = page.get_context(request)
    context.update(form=form, sent=sent)
    return TemplateResponse(request, "feedback/feedback_page.html", context, status=status)
