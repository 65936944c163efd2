"""Joining the Community of Practice: the join page and the requests it receives."""

from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from mscos.core.models import SitePage


class JoinRole(models.TextChoices):
    LIVED_EXPERIENCE = "lived_experience", _("Expert by lived experience")
    PRACTITIONER = "practitioner", _("Practitioner")
    RESEARCHER = "researcher", _("Researcher")
    POLICYMAKER = "policymaker", _("Policymaker")
    OTHER = "other", _("Other")


class JoinPage(SitePage):
    """The join form (under Get involved)."""

    intro = models.TextField(_("introduction"), blank=True)
    thank_you = models.TextField(
        _("thank-you message"),
        default="Welcome to the Community of Practice. We are glad you are here.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("thank_you")]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("join page")

    def serve(self, request, *args, **kwargs):
        from mscos.joining.page_forms import join_attempt

        attempt = join_attempt(request)
        context = self.get_context(request)
        context.update(form=attempt.form, joined=attempt.joined)
        response = TemplateResponse(
            request, "joining/join_page.html", context, status=attempt.status
        )
        add_never_cache_headers(response)
        return response


class JoinRequest(models.Model):
    """Someone joining: who they are (as much as they choose to say) and what interests them."""

    name = models.CharField(_("name or pseudonym"), max_length=100)
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=JoinRole.choices)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=100)
    outcomes = models.ManyToManyField(
        "outcomes.OutcomePage", verbose_name=_("outcomes of interest"), blank=True, related_name="+"
    )
    consent_to_updates = models.BooleanField(_("wants the updates by email"), default=False)
    created_at = models.DateTimeField(_("joined"), default=timezone.now, db_index=True)
    subscription_requested_at = models.DateTimeField(
        _("subscription requested"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("join request")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"
