"""The race of tests/measurement/test_check_in_race.py: set up in whatever database Django has,
then two threads save the same check-in from version 1 at the same moment."""

import datetime
import threading

from django.conf import settings
from django.db import connection
from wagtail.models import Locale

from mscos.accounts.models import User
from mscos.measurement import services
from mscos.measurement.models import AccessLogEntry, Answer, CheckIn, Indicator, Membership
from mscos.outcomes.models import Domain, LongListOutcome

BASELINE_DAY = datetime.date(2026, 1, 5)


def set_up() -> tuple[CheckIn, Indicator, Indicator]:
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    lead = User.objects.create_user(username="lead", email="lead@example.org", display_name="L")
    casey = User.objects.create_user(username="casey", email="casey@example.org", display_name="C")
    organisation = services.organisation_create(
        name="Race Harbour", slug="race-harbour", lead=lead, acting_user=lead
    )
    Membership.objects.create(user=casey, organisation=organisation, role="caseworker")
    person = services.person_create(
        organisation=organisation, case_code="R-1", consents={"record"}, acting_user=casey
    )
    outcome = LongListOutcome.objects.create(
        domain=Domain.objects.create(name="Safety"), name="Safety from any abuser"
    )
    question = Indicator.objects.create(
        outcome=outcome,
        text="How safe do you feel?",
        point_1="Not at all",
        point_2="A little",
        point_3="Mostly",
        point_4="Completely",
    )
    observed = Indicator.objects.create(
        outcome=outcome, kind=Indicator.Kind.PRACTITIONER, text="Has a safety plan", sort_order=2
    )
    check_in = services.check_in_record(
        organisation=organisation,
        person=person,
        date=BASELINE_DAY,
        kind=CheckIn.Kind.BASELINE,
        answers={},
        acting_user=casey,
    )
    return check_in, question, observed


def race(check_in: CheckIn, question: Indicator, observed: Indicator) -> dict:
    """Both saves start from version 1; returns who was saved, who was told, and what was kept."""
    start = threading.Barrier(2, timeout=60)
    results: dict[str, str] = {}
    connection.close()  # from here on only the threads' own connections touch the database

    def save(username: str, survivor: str, observation: str) -> None:
        try:
            user = User.objects.get(username=username)
            own = CheckIn.objects.select_related("person__organisation").get(pk=check_in.pk)
            start.wait()
            services.check_in_record(
                organisation=own.person.organisation,
                person=own.person,
                date=BASELINE_DAY,
                kind=CheckIn.Kind.BASELINE,
                answers={question.pk: (survivor, ""), observed.pk: ("", observation)},
                check_in=own,
                expected_version=1,
                acting_user=user,
            )
            results[username] = "saved"
        except services.CheckInConflict:
            results[username] = "conflict"
        except Exception as error:  # reported, so the test shows what went wrong
            results[username] = f"error: {error!r}"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=("lead", "4", "yes")),
        threading.Thread(target=save, args=("casey", "1", "no")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    saved = Answer.objects.filter(check_in_id=check_in.pk)
    return {
        "results": results,
        "version": CheckIn.objects.get(pk=check_in.pk).version,
        "answers": sorted(
            (a.survivor_answer or a.practitioner_answer for a in saved),
            key=lambda answer: (answer not in "01234", answer),
        ),
        "saves_logged": AccessLogEntry.objects.filter(action="check-in-save").count(),
    }
