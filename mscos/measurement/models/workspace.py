"""Organisations' workspaces: members, programmes, pseudonymous people, consent, notes, the log.

A person has no name field at all; notes hold only ciphertext (`encryption.py`); the access log
keeps plain ids, not foreign keys or case codes, so erasing a person or an account never
rewrites it and leaves no pseudonym behind.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    # Pooled, anonymous statistics count only organisations that chose to take part (#21), and in
    # them only people who consented to pooled use.
    shares_pooled_statistics = models.BooleanField(
        _("takes part in pooled, anonymous statistics"), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("Service lead")
        CASEWORKER = "caseworker", _("Caseworker")
        VIEWER = "viewer", _("Viewer (reports only)")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.get_role_display()}"


class Invitation(models.Model):
    """A lead's invitation by email (the link is signed: `tokens.py`)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=Membership.Role.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")

    def __str__(self) -> str:
        return f"{self.organisation} · {self.get_role_display()}"


class Programme(models.Model):
    class Kind(models.TextChoices):
        # Pooled figures are grouped by these kinds, never by a programme's own name.
        SAFE_HOUSE = "safe_house", _("Safe house or other accommodation")
        OUTREACH = "outreach", _("Community outreach")
        ADVOCACY = "advocacy", _("Advocacy and case work")
        HEALTH = "health", _("Health and wellbeing")
        LEGAL = "legal", _("Legal and immigration help")
        EMPLOYMENT = "employment", _("Education, training and employment")
        OTHER = "other", _("Other support")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="programmes"
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(
        _("kind of support"), max_length=20, choices=Kind.choices, default=Kind.OTHER
    )
    check_in_interval_days = models.PositiveSmallIntegerField(
        _("days between check-ins"), default=90
    )

    class Meta:
        verbose_name = _("programme")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="programme_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """A person the organisation supports, known here only by the case code it chose."""

    class AgeBand(models.TextChoices):
        UNDER_18 = "under-18", _("Under 18")
        FROM_18 = "18-25", _("18 to 25")
        FROM_26 = "26-35", _("26 to 35")
        FROM_36 = "36-50", _("36 to 50")
        OVER_50 = "over-50", _("Over 50")

    class Gender(models.TextChoices):
        WOMAN = "woman", _("Woman")
        MAN = "man", _("Man")
        OTHER = "other", _("In another way")
        NOT_SAID = "not-said", _("Prefers not to say")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="people")
    case_code = models.CharField(_("case code"), max_length=40)
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    nationality = models.CharField(_("nationality"), max_length=60, blank=True)
    programme = models.ForeignKey(
        Programme, on_delete=models.SET_NULL, null=True, blank=True, related_name="people"
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("caseworker"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["case_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "case_code"], name="case_code_unique_in_org"
            )
        ]

    def __str__(self) -> str:
        return self.case_code


class Consent(models.Model):
    """One use of a record a person agreed to, with the version of the words they were shown."""

    class Use(models.TextChoices):
        RECORD_KEEPING = "record", _("Keeping this record")
        POOLED_STATISTICS = "pooled", _("Inclusion in pooled, anonymous statistics")
        RESEARCH_CONTACT = "research", _("Being contacted about research")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    use = models.CharField(max_length=10, choices=Use.choices)
    text_version = models.CharField(max_length=20)
    given_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        constraints = [
            models.UniqueConstraint(fields=["person", "use"], name="one_consent_per_use")
        ]

    def __str__(self) -> str:
        return self.get_use_display()


class Note(models.Model):
    """A free-text note; only the ciphertext is stored (`encryption.py`)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    ciphertext = models.TextField()

    class Meta:
        verbose_name = _("note")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return str(_("Note"))  # never its text


class AppendOnlyError(Exception):
    pass


class AccessLogQuerySet(models.QuerySet):
    """Entries are written once; bulk changes through the ORM are refused (a trigger also does)."""

    def update(self, **kwargs):
        raise AppendOnlyError("the access log is append-only")

    def delete(self):
        raise AppendOnlyError("the access log is append-only")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("the access log is append-only")


class AccessLogEntry(models.Model):
    """Who looked at, exported or changed what, and when; never changed, never deleted."""

    class Action(models.TextChoices):
        PERSON_VIEW = "person-view", _("Viewed a person's record")
        PERSON_CREATE = "person-create", _("Added a person")
        PERSON_ERASE = "person-erase", _("Erased a person's record")
        CONSENT_WITHDRAW = "consent-withdraw", _("Recorded a withdrawal of consent")
        NOTE_ADD = "note-add", _("Added a note")
        EXPORT = "export", _("Exported records")
        PROGRAMME_CREATE = "programme-create", _("Added a programme")
        PROGRAMME_CHANGE = "programme-change", _("Changed a programme")
        POOLED_SHARING = "pooled-sharing", _("Chose whether to take part in pooled evidence")
        INVITATION_SEND = "invitation-send", _("Invited a member")
        MEMBER_JOIN = "member-join", _("Joined the workspace")
        CHECK_IN_SAVE = "check-in-save", _("Saved a check-in")
        CHECK_IN_VIEW = "check-in-view", _("Viewed a check-in")
        CHECK_IN_LIST = "check-in-list", _("Viewed a programme's check-ins")
        JOURNEY_VIEW = "journey-view", _("Viewed a person's journey")
        SURVIVOR_LINK = "survivor-link", _("Made a link for the survivor")
        SURVIVOR_ANSWER = "survivor-answer", _("The survivor answered through their link")
        NOTE_KEYS_ROTATE = "note-keys-rotate", _("Re-encrypted notes with the newest key")

    organisation_id = models.BigIntegerField(db_index=True)
    actor_id = models.BigIntegerField(null=True)
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    person_id = models.BigIntegerField(null=True)
    detail = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("access log entries are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("access log entries are never deleted")
