"""Feedback and suggestions: a page with a short form, and the items editors read and answer."""

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from mscos.core.models import SitePage


class FeedbackPage(SitePage):
    """/feedback/: the form, and beside it a way into the forum's Feedback and suggestions."""

    intro = models.TextField(_("introduction"), blank=True)
    forum_link = models.CharField(
        _("forum category link"),
        max_length=200,
        default="/forums/feedback-and-suggestions/",
        help_text=_("Where the Feedback and suggestions forum category lives."),
    )
    thank_you = models.TextField(
        _("thank-you message"),
        default="Thank you. An editor will read what you wrote.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("thank_you"),
        FieldPanel("forum_link"),
    ]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("feedback page")

    def serve(self, request, *args, **kwargs):
        from mscos.feedback.page_forms import feedback_attempt

        attempt = feedback_attempt(request)
        context = self.get_context(request)
        context.update(form=attempt.form, sent=attempt.sent)
        response = TemplateResponse(
            request, "feedback/feedback_page.html", context, status=attempt.status
        )
        add_never_cache_headers(response)
        return response


class FeedbackTopic(models.TextChoices):
    SITE = "site", _("This website")
    OUTCOMES = "outcomes", _("The core outcomes")
    EVENTS = "events", _("Events and podcasts")
    FORUMS = "forums", _("The forums")
    OTHER = "other", _("Something else")


class Feedback(models.Model):
    """One piece of feedback; name and email are optional, so it can be anonymous."""

    topic = models.CharField(
        _("about"), max_length=20, choices=FeedbackTopic.choices, default=FeedbackTopic.SITE
    )
    message = models.TextField(_("message"))
    name = models.CharField(_("name or pseudonym"), max_length=100, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    read_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reply = models.TextField(_("reply"), blank=True)
    replied_at = models.DateTimeField(_("replied"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.message[:60]
