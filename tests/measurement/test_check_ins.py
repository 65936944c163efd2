"""Check-ins: the survivor's answers and the practitioner's view side by side, refused whole when
the input is wrong, and never lost when two people save the same check-in at once."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from mscos.measurement import services
from mscos.measurement.models import DECLINED, AccessLogEntry, Answer, CheckIn, Indicator
from mscos.outcomes.models import Domain, LongListOutcome

TODAY = timezone.localdate()
BASELINE_DAY = datetime.date(2026, 1, 5)  # the workspace fixture's baseline for SH-001


@pytest.fixture
def library(db) -> tuple[Indicator, Indicator]:
    outcome = LongListOutcome.objects.create(
        domain=Domain.objects.create(name="Safety"), name="Safety from any abuser"
    )
    question = Indicator.objects.create(
        outcome=outcome,
        text="How safe do you feel from the people who exploited you?",
        point_1="Not at all",
        point_2="A little",
        point_3="Mostly",
        point_4="Completely",
    )
    romanian = question.copy_for_translation(Locale.objects.get(language_code="ro"))
    romanian.text = "Cât de în siguranță vă simțiți?"
    romanian.point_1, romanian.point_2 = "Deloc", "Puțin"
    romanian.point_3, romanian.point_4 = "În mare parte", "Complet"
    romanian.save()
    observed = Indicator.objects.create(
        outcome=outcome, kind=Indicator.Kind.PRACTITIONER, text="Has a safety plan", sort_order=2
    )
    return question, observed


def _record(ws, **changes):
    arguments = {
        "organisation": ws.organisation,
        "person": ws.person,
        "date": TODAY,
        "kind": CheckIn.Kind.REVIEW,
        "answers": {},
        "acting_user": ws.caseworker,
        **changes,
    }
    return services.check_in_record(**arguments)


def _counts():
    return CheckIn.objects.count(), Answer.objects.count(), AccessLogEntry.objects.count()


def test_a_review_keeps_both_sides_and_rather_not_say(ws, library):
    question, observed = library
    check_in = _record(ws, answers={question.pk: (DECLINED, "3"), observed.pk: ("", "yes")})
    answers = {a.indicator_id: a for a in check_in.answers.all()}
    assert (answers[question.pk].survivor_answer, answers[question.pk].practitioner_answer) == (
        DECLINED,
        "3",
    )
    assert answers[question.pk].survivor_point is None  # an answer, not a score
    assert answers[observed.pk].practitioner_answer == "yes"
    entry = AccessLogEntry.objects.filter(action=AccessLogEntry.Action.CHECK_IN_SAVE).first()
    assert entry.person_id == ws.person.pk and entry.actor_id == ws.caseworker.pk


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"date": TODAY + datetime.timedelta(days=1)}, "date", "cannot be in the future"),
        ({"kind": CheckIn.Kind.BASELINE}, "kind", "already has a baseline"),
        ({"date": BASELINE_DAY - datetime.timedelta(days=1)}, "date", "before the baseline"),
    ],
)
def test_bad_dates_and_a_second_baseline_are_refused_and_nothing_is_saved(
    ws, library, changes, field, message
):
    before = _counts()
    with pytest.raises(ValidationError) as refused:
        _record(ws, **changes)
    assert message in " ".join(refused.value.message_dict[field])
    assert _counts() == before


@pytest.mark.parametrize(
    ("side", "value"), [("survivor", "5"), ("survivor", "0"), ("practitioner", "maybe")]
)
def test_an_out_of_range_answer_is_refused_and_nothing_is_saved(ws, library, side, value):
    question, observed = library
    answers = {question.pk: (value, "") if side == "survivor" else ("", value)}
    before = _counts()
    with pytest.raises(ValidationError) as refused:
        _record(ws, answers={**answers, observed.pk: ("", "yes")})
    assert f"{side}_{question.pk}" in refused.value.message_dict
    assert _counts() == before


def test_the_survivor_does_not_answer_for_the_practitioner(ws, library):
    _question, observed = library
    with pytest.raises(ValidationError):
        _record(ws, answers={observed.pk: ("yes", "")})


def test_a_person_of_another_organisation_is_refused_with_a_clear_message(ws, library):
    before = _counts()
    with pytest.raises(ValidationError, match="not one of your organisation"):
        _record(ws, person=ws.outsider_person)
    assert _counts() == before


def test_a_viewer_and_another_caseworker_cannot_record(ws, library):
    for who in (ws.viewer, ws.second_caseworker):
        with pytest.raises(PermissionDenied):
            _record(ws, acting_user=who)


def test_the_form_shows_words_on_every_point_in_the_readers_language(ws, library):
    url = reverse("measurement:check_in_create", args=[ws.organisation.slug, ws.person.pk])
    page = ws.client_for("caseworker").get(url).content.decode()
    for words in ("Not at all", "Completely", "rather not say", "Has a safety plan", "Not known"):
        assert words in page
    romanian = ws.client_for("caseworker").get(f"/ro{url}").content.decode()
    assert "Cât de în siguranță vă simțiți?" in romanian and "Complet" in romanian


def test_a_check_in_saved_through_the_form_and_looked_at_is_logged(ws, library):
    question, observed = library
    client = ws.client_for("caseworker")
    url = reverse("measurement:check_in_create", args=[ws.organisation.slug, ws.person.pk])
    response = client.post(
        url,
        {
            "date": TODAY.isoformat(),
            "kind": "review",
            f"survivor_{question.pk}": "2",
            f"practitioner_{question.pk}": DECLINED,
            f"practitioner_{observed.pk}": "no",
        },
    )
    assert response.status_code == 302
    check_in = CheckIn.objects.get(kind="review")
    assert set(check_in.answers.values_list("survivor_answer", "practitioner_answer")) == {
        ("2", DECLINED),
        ("", "no"),
    }
    assert client.get(response["Location"]).status_code == 200
    actions = set(AccessLogEntry.objects.values_list("action", flat=True))
    assert {"check-in-save", "check-in-view"} <= actions


def test_a_refused_form_keeps_what_was_chosen_and_says_why(ws, library):
    question, _observed = library
    url = reverse("measurement:check_in_create", args=[ws.organisation.slug, ws.person.pk])
    response = ws.client_for("caseworker").post(
        url, {"date": TODAY.isoformat(), "kind": "baseline", f"survivor_{question.pk}": "3"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and "already has a baseline" in html
    pk = question.pk
    assert f'name="survivor_{pk}" value="3" id="id_survivor_{pk}_3" checked' in html
    assert CheckIn.objects.filter(kind="review").count() == 0


def test_two_caseworkers_saving_the_same_check_in_lose_nothing(ws, library):
    question, _observed = library
    check_in = ws.check_in
    url = reverse("measurement:check_in", args=[ws.organisation.slug, ws.person.pk, check_in.pk])
    base = {"date": BASELINE_DAY.isoformat(), "kind": "baseline", "version": check_in.version}
    # Both opened version 1; the lead saves first.
    first = ws.client_for("lead").post(url, {**base, f"survivor_{question.pk}": "4"})
    assert first.status_code == 302
    second = ws.client_for("caseworker").post(url, {**base, f"survivor_{question.pk}": "1"})
    assert second.status_code == 409
    html = second.content.decode()
    assert "Someone else saved this check-in" in html
    # What the lead saved is shown, and the caseworker's own choice is still in the form.
    assert "Completely" in html.split("</table>")[0]
    pk = question.pk
    assert f'name="survivor_{pk}" value="1" id="id_survivor_{pk}_1" checked' in html
    saved = Answer.objects.get(check_in=check_in, indicator=question)
    assert saved.survivor_answer == "4"
    # The form now names the lead's version: saving again replaces it on purpose.
    check_in.refresh_from_db()
    assert f'name="version" value="{check_in.version}"' in html
    again = ws.client_for("caseworker").post(
        url, {**base, "version": check_in.version, f"survivor_{question.pk}": "1"}
    )
    assert again.status_code == 302
    assert Answer.objects.get(check_in=check_in, indicator=question).survivor_answer == "1"


def test_a_stale_version_through_the_service_raises_a_conflict(ws, library):
    question, _observed = library
    arguments = {
        "date": BASELINE_DAY,
        "kind": CheckIn.Kind.BASELINE,
        "check_in": ws.check_in,
        "expected_version": 1,
    }
    _record(ws, answers={question.pk: ("2", "")}, **arguments)
    with pytest.raises(services.CheckInConflict) as conflict:
        _record(ws, answers={question.pk: ("3", "")}, acting_user=ws.lead, **arguments)
    assert conflict.value.saved.version == 2
    assert Answer.objects.get(indicator=question).survivor_answer == "2"


def test_an_indicator_with_answers_cannot_be_deleted_in_the_admin(ws, library, admin_user):
    question, _observed = library
    _record(ws, answers={question.pk: ("2", "")})
    client = Client()
    client.force_login(admin_user)
    url = f"/admin/snippets/measurement/indicator/delete/{question.pk}/"
    edit = f"/admin/snippets/measurement/indicator/edit/{question.pk}/"
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302 and response["Location"] == edit
    assert "cannot be deleted" in client.get(edit).content.decode()
    assert Indicator.objects.filter(pk=question.pk).exists()
    assert Answer.objects.filter(indicator=question).count() == 1


def test_a_bulk_delete_in_the_admin_keeps_an_indicator_with_answers(ws, library, admin_user):
    question, observed = library
    _record(ws, answers={question.pk: ("2", "")})
    client = Client()
    client.force_login(admin_user)
    url = f"/admin/bulk/measurement/indicator/delete/?id={question.pk}&id={observed.pk}"
    edit = f"/admin/snippets/measurement/indicator/edit/{question.pk}/"
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302 and response["Location"] == edit
    assert Indicator.objects.filter(pk__in=[question.pk, observed.pk]).count() == 2
    assert Answer.objects.filter(indicator=question).count() == 1
