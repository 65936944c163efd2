"""A cast for the workspace: two organisations and everyone who may or may not look inside."""

import dataclasses
import datetime

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import Locale

from mscos.accounts.models import User
from mscos.measurement import services
from mscos.measurement.models import CheckIn, Membership, Organisation, Person, Programme
from tests.conftest import with_two_factor
from tests.mail_server import smtp_server  # noqa: F401 (a fixture)


@dataclasses.dataclass
class Workspace:
    organisation: Organisation
    other_organisation: Organisation
    programme: Programme
    lead: User
    caseworker: User
    second_caseworker: User
    viewer: User
    no_two_factor: User
    outsider: User
    person: Person
    second_person: Person
    outsider_person: Person
    check_in: CheckIn

    def client_for(self, who: str) -> Client:
        client = Client()
        if who != "anonymous":
            client.force_login(getattr(self, who))
        return client


def _user(name: str, *, two_factor: bool = True) -> User:
    user = User.objects.create_user(
        username=name,
        email=f"{name}@example.org",
        password="a-long-pass-phrase",
        display_name=name.title(),
    )
    return with_two_factor(user) if two_factor else user


def _member(user: User, organisation: Organisation, role: str) -> User:
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def ws(db) -> Workspace:
    # A transactional test may start after another one emptied every table, Wagtail's locales too;
    # the library's questions are looked up in the default language.
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    Role = Membership.Role
    lead = _user("lead")
    organisation = services.organisation_create(
        name="Safe Harbour", slug="safe-harbour", lead=lead, acting_user=lead
    )
    outsider = _user("outsider")
    other = services.organisation_create(
        name="Other Shore", slug="other-shore", lead=_user("otherlead"), acting_user=lead
    )
    _member(outsider, other, Role.CASEWORKER)
    caseworker = _member(_user("casey"), organisation, Role.CASEWORKER)
    second = _member(_user("morgan"), organisation, Role.CASEWORKER)
    viewer = _member(_user("vera"), organisation, Role.VIEWER)
    no_two_factor = _member(_user("nofa", two_factor=False), organisation, Role.CASEWORKER)
    programme = services.programme_create(
        organisation=organisation, name="Safe house", check_in_interval_days=90, acting_user=lead
    )
    all_consents = {"record", "pooled", "research"}
    person = services.person_create(
        organisation=organisation,
        case_code="SH-001",
        consents=all_consents,
        programme=programme,
        acting_user=caseworker,
    )
    second_person = services.person_create(
        organisation=organisation, case_code="SH-002", consents=all_consents, acting_user=second
    )
    outsider_person = services.person_create(
        organisation=other, case_code="OS-001", consents=all_consents, acting_user=outsider
    )
    check_in = services.check_in_record(
        organisation=organisation,
        person=person,
        date=datetime.date(2026, 1, 5),
        kind=CheckIn.Kind.BASELINE,
        answers={},
        acting_user=caseworker,
    )
    return Workspace(
        organisation=organisation,
        other_organisation=other,
        programme=programme,
        lead=lead,
        caseworker=caseworker,
        second_caseworker=second,
        viewer=viewer,
        no_two_factor=no_two_factor,
        outsider=outsider,
        person=person,
        second_person=second_person,
        outsider_person=outsider_person,
        check_in=check_in,
    )
