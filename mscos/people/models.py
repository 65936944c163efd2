"""People: the project team, the Research Advisory Board, the steering committee, and experts who
offer training, consultancy or speaking and can be contacted through the site."""

from django.db import models
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from mscos.core.models import SitePage


class Person(index.Indexed, models.Model):
    """Someone shown on the people pages; listed only with their consent."""

    PROJECT_TEAM = "team"
    RESEARCH_ADVISORY_BOARD = "rab"
    STEERING_COMMITTEE = "steering"
    OTHER = "other"
    GROUP_CHOICES = [
        (PROJECT_TEAM, _("Project team")),
        (RESEARCH_ADVISORY_BOARD, _("Research Advisory Board: experts by lived experience")),
        (STEERING_COMMITTEE, _("Expert steering committee")),
        (OTHER, _("Other expert")),
    ]

    name = models.CharField(
        _("name shown"),
        max_length=100,
        help_text=_("For Research Advisory Board members: a first name or a pseudonym they chose."),
    )
    group = models.CharField(_("group"), max_length=20, choices=GROUP_CHOICES)
    role = models.CharField(_("role"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    bio = models.TextField(_("about them"), blank=True)
    photo = models.ForeignKey(
        "core.SiteImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Only with their agreement."),
    )
    consent_to_list = models.BooleanField(
        _("agreed to be listed"),
        default=False,
        help_text=_("Nobody is shown on the site until this is ticked, with their agreement."),
    )
    lived_experience = models.BooleanField(_("expert by lived experience"), default=False)
    offers_training = models.BooleanField(_("offers training"), default=False)
    offers_consultancy = models.BooleanField(_("offers consultancy"), default=False)
    offers_speaking = models.BooleanField(_("offers speaking"), default=False)
    expertise = models.CharField(
        _("areas of expertise"),
        max_length=255,
        blank=True,
        help_text=_("Shown in the Access to experts directory, e.g. 'housing, police training'."),
    )
    contact_email = models.EmailField(
        _("private contact address"),
        blank=True,
        help_text=_(
            "Messages from the contact form go here. It is never shown on the site. Leave empty "
            "for no contact form."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("group"),
        FieldPanel("consent_to_list"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("lived_experience"),
        MultiFieldPanel(
            [
                FieldPanel("offers_training"),
                FieldPanel("offers_consultancy"),
                FieldPanel("offers_speaking"),
                FieldPanel("expertise"),
                FieldPanel("contact_email"),
            ],
            heading=_("Access to experts"),
        ),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("role"),
        index.SearchField("organisation"),
        index.SearchField("bio"),
        index.SearchField("expertise"),
        index.FilterField("consent_to_list"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name

    @property
    def offers(self) -> list[str]:
        labels = [
            (self.offers_training, _("Training")),
            (self.offers_consultancy, _("Consultancy")),
            (self.offers_speaking, _("Speaking")),
        ]
        return [str(label) for offered, label in labels if offered]

    @property
    def is_expert(self) -> bool:
        return bool(self.offers)

    @property
    def can_be_contacted(self) -> bool:
        return self.consent_to_list and self.is_expert and bool(self.contact_email)


class PeopleIndexPage(SitePage):
    """Our team: the project team, the Research Advisory Board and the steering committee."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("people page")

    def get_context(self, request, *args, **kwargs):
        from mscos.people import selectors

        context = super().get_context(request, *args, **kwargs)
        context["groups"] = selectors.people_by_group()
        return context


class ExpertDirectoryPage(RoutablePageMixin, SitePage):
    """Access to experts: people who offer training, consultancy or speaking, and a contact form
    that reaches them without showing their address."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("expert directory")

    def get_context(self, request, *args, **kwargs):
        from mscos.people import selectors

        context = super().get_context(request, *args, **kwargs)
        offer = request.GET.get("offer", "")
        context["offer"] = offer if offer in selectors.OFFERS else ""
        context["experts"] = selectors.experts(offer=context["offer"])
        context["offer_choices"] = selectors.OFFER_CHOICES
        return context

    @path("")
    def directory(self, request):
        return self.render(request)

    @path("<int:person_id>/contact/", name="contact")
    def contact(self, request, person_id: int):
        from mscos.people import selectors
        from mscos.people.page_forms import contact_attempt

        person = selectors.get_contactable_expert_or_404(person_id)
        attempt = contact_attempt(request, person=person)
        response: HttpResponse
        if attempt.sent:
            response = redirect(self.url + self.reverse_subpage("sent"))
        else:
            response = TemplateResponse(
                request,
                "people/contact_expert.html",
                {"page": self, "person": person, "form": attempt.form},
                status=attempt.status,
            )
        add_never_cache_headers(response)
        return response

    @path("sent/", name="sent")
    def sent(self, request):
        return self.render(
            request, template="people/contact_sent.html", context_overrides={"page": self}
        )
