"""Every look at a record, every export and every change is in the append-only log."""

import pytest
from django.urls import reverse

from mscos.measurement.models import AccessLogEntry, AppendOnlyError


def _actions(ws):
    return list(
        AccessLogEntry.objects.filter(organisation_id=ws.organisation.pk)
        .order_by("pk")
        .values_list("action", flat=True)
    )


def test_looking_at_a_record_is_logged_once_per_look(ws):
    before = _actions(ws)
    client = ws.client_for("lead")
    url = reverse("measurement:person", args=[ws.organisation.slug, ws.person.pk])
    client.get(url)
    client.get(url)
    after = _actions(ws)
    assert after[len(before) :] == ["person-view", "person-view"]
    entry = AccessLogEntry.objects.filter(action="person-view").last()
    assert entry.actor_id == ws.lead.pk
    assert entry.person_id == ws.person.pk


def test_a_refused_look_is_not_a_look(ws):
    before = _actions(ws)
    ws.client_for("second_caseworker").get(
        reverse("measurement:person", args=[ws.organisation.slug, ws.person.pk])
    )
    assert _actions(ws) == before


def test_an_export_is_logged(ws):
    ws.client_for("lead").post(reverse("measurement:people_export", args=[ws.organisation.slug]))
    assert _actions(ws)[-1] == "export"


def test_the_lead_reads_the_log_with_who_and_what(ws):
    ws.client_for("caseworker").get(
        reverse("measurement:person", args=[ws.organisation.slug, ws.person.pk])
    )
    page = ws.client_for("lead").get(reverse("measurement:access_log", args=[ws.organisation.slug]))
    text = page.content.decode()
    assert "Casey" in text
    assert "Viewed a person" in text
    assert "SH-001" in text


def test_the_log_refuses_to_be_changed_or_deleted(ws):
    entry = AccessLogEntry.objects.filter(organisation_id=ws.organisation.pk).first()
    entry.detail = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_the_log_keeps_no_address(ws):
    field_names = {field.name for field in AccessLogEntry._meta.get_fields()}
    assert not {"ip", "ip_address", "address", "user_agent"} & field_names


def test_the_database_refuses_to_rewrite_the_log_too(ws):
    from django.db import DatabaseError, connection, transaction

    entry = AccessLogEntry.objects.filter(organisation_id=ws.organisation.pk).first()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.filter(pk=entry.pk).update(detail="rewritten")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE measurement_accesslogentry SET detail = 'rewritten' WHERE id = %s", [entry.pk]
        )
