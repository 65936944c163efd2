"""Workshops, webinars and expert forums: section page, event pages, registrations, invitations."""

import datetime
import zoneinfo

from django import forms
from django.conf import settings
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from mscos.core.blocks import BaseStreamBlock
from mscos.core.models import SitePage

UK_TIME_ZONE = "Europe/London"


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    EXPERT_FORUM = "expert_forum", _("Online expert forum")
    WEBINAR = "webinar", _("Webinar")


class Attendance(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")


class ResourcesBlock(blocks.StreamBlock):
    document = DocumentChooserBlock(label=_("Document"))
    link = blocks.StructBlock(
        [
            ("title", blocks.CharBlock(label=_("Title"))),
            ("url", blocks.URLBlock(label=_("Address"))),
        ],
        label=_("Link"),
        icon="link",
    )


class EventIndexPage(SitePage):
    """Events: what is coming up, and how to take part. The calendar feed and the private links
    sent by email live in events/urls.py (Wagtail's page routes allow no dots or colons)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("events section")

    def get_context(self, request, *args, **kwargs):
        from mscos.events import selectors

        context = super().get_context(request, *args, **kwargs)
        context["upcoming"] = selectors.upcoming_events(index=self)
        context["past"] = selectors.past_events(index=self)
        return context


class EventPage(RoutablePageMixin, SitePage):
    """One workshop, webinar or expert forum: when, where, who may come, and afterwards what
    came of it."""

    kind = models.CharField(
        _("kind of event"), max_length=20, choices=EventKind.choices, default=EventKind.WORKSHOP
    )
    summary = models.TextField(
        _("summary"), help_text=_("One or two plain sentences for the events list.")
    )
    outcomes = ParentalManyToManyField(
        "outcomes.OutcomePage", verbose_name=_("outcomes"), blank=True, related_name="+"
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        default=UK_TIME_ZONE,
        help_text=_(
            "Where the event is held. Enter the times in UK time; readers see them in UK time, "
            "in this time zone and, when their browser says, in their own."
        ),
    )
    attendance = models.CharField(
        _("how people take part"),
        max_length=20,
        choices=Attendance.choices,
        default=Attendance.ONLINE,
    )
    address = models.TextField(
        _("address"), blank=True, help_text=_("Where it takes place, for events in person.")
    )
    joining_details = models.TextField(
        _("joining details"),
        blank=True,
        help_text=_(
            "The link and any passcode for an online event. Only people with a confirmed place "
            "see them: in their confirmation, their reminder and their registration page."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit. When it is full, people join a waiting list."),
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep it open until the event starts."),
    )
    invite_only = models.BooleanField(
        _("invitation only"),
        default=False,
        help_text=_(
            "Only invited people can register. Others can ask to attend, and organisers approve "
            "or decline each request."
        ),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("about the event"))
    outcome_summary = RichTextField(
        _("after the event: summary"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
    )
    resources = StreamField(
        ResourcesBlock(), blank=True, verbose_name=_("after the event: resources")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("outcomes", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("attendance"), FieldPanel("address"), FieldPanel("joining_details")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
                FieldPanel("invite_only"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("outcome_summary"), FieldPanel("resources")],
            heading=_("After the event"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        permissions = [("manage_registrations", _("Can see and manage event registrations"))]

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The event must end after it starts.")})
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            raise ValidationError(
                {"registration_closes": _("Registration must close after it opens.")}
            )

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone or UK_TIME_ZONE)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(UK_TIME_ZONE)

    @property
    def is_online(self) -> bool:
        return self.attendance == Attendance.ONLINE

    def has_ended(self, now: datetime.datetime | None = None) -> bool:
        return self.end <= (now or timezone.now())

    def registration_closes_at(self) -> datetime.datetime:
        return self.registration_closes or self.start

    @property
    def is_cancelled(self) -> bool:
        try:
            return self.calendar_state.cancelled_at is not None
        except EventCalendarState.DoesNotExist:
            return False

    def registration_is_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        if self.is_cancelled:
            return False
        if self.registration_opens and now < self.registration_opens:
            return False
        return now < self.registration_closes_at()

    def index_page(self) -> EventIndexPage:
        return EventIndexPage.objects.get(pk=self.get_parent().pk)

    @path("")
    def detail(self, request):
        from mscos.events import selectors

        context = self.get_context(request)
        context.update(
            places_left=selectors.places_left(event=self),
            registration_open=self.registration_is_open(),
            has_ended=self.has_ended(),
            now=timezone.now(),
            my_registration=selectors.registration_for_user(event=self, user=request.user),
        )
        return TemplateResponse(request, "events/event_page.html", context)

    @path("register/", name="register")
    def register(self, request):
        if not self.live:
            raise Http404
        return self.registration_response(request)

    def registration_response(
        self, request: HttpRequest, *, invitation: "EventInvitation | None" = None
    ) -> HttpResponse:
        """The registration form, or on success the person's private link (never cached)."""
        from mscos.events import selectors
        from mscos.events.page_forms import manage_url, registration_attempt

        attempt = registration_attempt(request, event=self, invitation=invitation)
        response: HttpResponse
        if attempt.registration is not None:
            response = HttpResponseRedirect(manage_url(attempt.registration) + "?new=1")
        else:
            context = self.get_context(request)
            context.update(
                form=attempt.form,
                invitation=invitation,
                registration_open=self.registration_is_open(),
                places_left=selectors.places_left(event=self),
            )
            response = TemplateResponse(
                request, "events/register.html", context, status=attempt.status
            )
        add_never_cache_headers(response)
        return response


class RegistrationRole(models.TextChoices):
    LIVED_EXPERIENCE = "lived_experience", _("Expert by lived experience")
    PRACTITIONER = "practitioner", _("Practitioner")
    RESEARCHER = "researcher", _("Researcher")
    POLICYMAKER = "policymaker", _("Policymaker")
    OTHER = "other", _("Other")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Place confirmed")
    WAITING = "waiting", _("On the waiting list")
    REQUESTED = "requested", _("Asked to attend")
    DECLINED = "declined", _("Request declined")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE_STATUSES = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITING,
    RegistrationStatus.REQUESTED,
)


class EventRegistration(models.Model):
    """One person's place (or place in the queue) at an event."""

    event = models.ForeignKey(
        EventPage, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(
        _("name or pseudonym"),
        max_length=100,
        help_text=_("What we call you. It does not need to be your real name."),
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=RegistrationRole.choices)
    access_needs = models.TextField(
        _("access needs"),
        blank=True,
        help_text=_("Only the organisers see this."),
    )
    consent = models.BooleanField(_("consent to be contacted about this event"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    invitation = models.OneToOneField(
        "events.EventInvitation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registration",
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("event registration")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["event", "status", "created_at"])]
        constraints = [
            # One active registration per address and event; a cancelled one can be renewed.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=models.Q(status__in=["confirmed", "waiting", "requested"]),
                name="events_one_active_registration_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"


class EventInvitation(models.Model):
    """An invitation to an invite-only event, sent by email as a signed, single-use link."""

    event = models.ForeignKey(
        EventPage, verbose_name=_("event"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)
    mail_sent_at = models.DateTimeField(_("mail sent"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("event invitation")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email


class EventCalendarState(models.Model):
    """What calendars were last told about an event: the iCalendar SEQUENCE (RFC 5545 3.8.7.4),
    raised whenever its time or place changes, a place is cancelled or the event is cancelled,
    so calendar programs replace their copy. Kept beside the page rather than on it, so that
    publishing an older revision can never turn the number back."""

    event = models.OneToOneField(
        EventPage, primary_key=True, on_delete=models.CASCADE, related_name="calendar_state"
    )
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)
    fingerprint = models.CharField(max_length=64, blank=True)
    cancelled_at = models.DateTimeField(_("event cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("event calendar state")

    def __str__(self) -> str:
        return f"{self.event_id}: {self.sequence}"
