"""Consent per use: withdrawing record keeping erases; withdrawing pooled statistics excludes."""

from django.urls import reverse

from mscos.measurement import selectors, services
from mscos.measurement.models import AccessLogEntry, Consent, Note, Person


def _reports_count(ws) -> str:
    response = ws.client_for("viewer").get(
        reverse("measurement:reports", args=[ws.organisation.slug])
    )
    return response.content.decode()


def test_withdrawing_record_keeping_erases_the_person_and_their_notes(ws):
    services.note_add(person=ws.person, text="private words", acting_user=ws.caseworker)
    person_id = ws.person.pk
    response = ws.client_for("caseworker").post(
        reverse("measurement:consent_withdraw", args=[ws.organisation.slug, person_id]),
        {"use": "record"},
    )
    assert response.status_code == 302
    assert not Person.objects.filter(pk=person_id).exists()
    assert not Note.objects.filter(person_id=person_id).exists()
    assert not Consent.objects.filter(person_id=person_id).exists()
    # The record is gone from the pages; the log says only that a record was erased.
    again = ws.client_for("caseworker").get(
        reverse("measurement:person", args=[ws.organisation.slug, person_id])
    )
    assert again.status_code == 404
    log = ws.client_for("lead").get(reverse("measurement:access_log", args=[ws.organisation.slug]))
    text = log.content.decode()
    assert "Erased a person&#x27;s record" in text or "Erased a person's record" in text
    assert "(erased)" in text
    assert "SH-001" not in text


def test_withdrawing_pooled_statistics_removes_them_from_pooled_figures(ws):
    assert [row.people for row in selectors.pooled_counts(ws.organisation)] == [1, 1]
    response = ws.client_for("caseworker").post(
        reverse("measurement:consent_withdraw", args=[ws.organisation.slug, ws.person.pk]),
        {"use": "pooled"},
    )
    assert response.status_code == 302
    assert Person.objects.filter(pk=ws.person.pk).exists()
    counts = {row.programme: row.people for row in selectors.pooled_counts(ws.organisation)}
    assert counts == {"": 1}  # SH-002, no programme; SH-001 in "Safe house" no longer counted
    assert "Safe house" not in _reports_count(ws)


def test_a_person_cannot_be_added_without_consent_to_keep_the_record(ws):
    response = ws.client_for("caseworker").post(
        reverse("measurement:person_create", args=[ws.organisation.slug]),
        {"case_code": "SH-003", "consent_pooled": "on"},
    )
    assert response.status_code == 400
    assert "only be kept if the person agrees" in response.content.decode()
    assert not Person.objects.filter(case_code="SH-003").exists()


def test_consent_records_the_version_of_the_words_shown(ws):
    response = ws.client_for("caseworker").post(
        reverse("measurement:person_create", args=[ws.organisation.slug]),
        {"case_code": "SH-003", "consent_record": "on", "programme": ws.programme.pk},
    )
    assert response.status_code == 302
    person = Person.objects.get(case_code="SH-003")
    consents = selectors.person_consents(person)
    assert set(consents) == {"record"}
    assert consents["record"].text_version == "2026-12-v1"
    assert person.caseworker == ws.caseworker
    assert AccessLogEntry.objects.filter(person_id=person.pk, action="person-create").count() == 1


def test_a_duplicate_case_code_is_refused_and_changes_nothing(ws):
    before = Person.objects.count()
    response = ws.client_for("caseworker").post(
        reverse("measurement:person_create", args=[ws.organisation.slug]),
        {"case_code": "SH-001", "consent_record": "on"},
    )
    assert response.status_code == 400
    assert "already has a person with this case code" in response.content.decode()
    assert Person.objects.count() == before


def test_another_organisations_programme_is_refused(ws):
    other_programme = services.programme_create(
        organisation=ws.other_organisation,
        name="Outreach",
        check_in_interval_days=30,
        acting_user=ws.other_organisation.memberships.get(role="lead").user,
    )
    response = ws.client_for("caseworker").post(
        reverse("measurement:person_create", args=[ws.organisation.slug]),
        {"case_code": "SH-009", "consent_record": "on", "programme": other_programme.pk},
    )
    assert response.status_code == 400
    assert not Person.objects.filter(case_code="SH-009").exists()
