"""A lead sets a programme's kind of support and check-in interval (#21); nobody else can, and
bad input changes nothing."""

from django.urls import reverse

from mscos.measurement.models import AccessLogEntry, Programme


def _url(ws, programme=None):
    return reverse(
        "measurement:programme_edit", args=[ws.organisation.slug, (programme or ws.programme).pk]
    )


def test_the_lead_sets_the_kind_and_interval(ws):
    response = ws.client_for("lead").post(
        _url(ws), {"kind": "safe_house", "check_in_interval_days": "60"}
    )
    assert response.status_code == 302
    ws.programme.refresh_from_db()
    assert (ws.programme.kind, ws.programme.check_in_interval_days) == ("safe_house", 60)
    entry = AccessLogEntry.objects.get(action="programme-change")
    assert entry.actor_id == ws.lead.pk and "Safe house" in entry.detail
    listed = ws.client_for("lead").get(
        reverse("measurement:programmes", args=[ws.organisation.slug])
    )
    assert "Safe house (Safe house or other accommodation): a check-in every 60 days" in (
        listed.content.decode()
    )


def test_a_kind_not_offered_is_refused_and_changes_nothing(ws):
    response = ws.client_for("lead").post(
        _url(ws), {"kind": "league-table", "check_in_interval_days": "3"}
    )
    assert response.status_code == 400
    ws.programme.refresh_from_db()
    assert (ws.programme.kind, ws.programme.check_in_interval_days) == ("other", 90)
    assert not AccessLogEntry.objects.filter(action="programme-change").exists()


def test_only_the_lead_changes_a_programme(ws):
    for who, status in (("viewer", 403), ("caseworker", 403), ("outsider", 404)):
        response = ws.client_for(who).post(
            _url(ws), {"kind": "safe_house", "check_in_interval_days": "60"}
        )
        assert response.status_code == status
    ws.programme.refresh_from_db()
    assert ws.programme.kind == "other"


def test_another_organisations_programme_is_not_found(ws):
    theirs = Programme.objects.create(organisation=ws.other_organisation, name="Theirs")
    response = ws.client_for("lead").post(
        _url(ws, theirs), {"kind": "safe_house", "check_in_interval_days": "60"}
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.kind == "other"


def test_a_new_programme_gets_its_kind(ws):
    response = ws.client_for("lead").post(
        reverse("measurement:programmes", args=[ws.organisation.slug]),
        {"name": "Outreach", "kind": "outreach", "check_in_interval_days": "30"},
    )
    assert response.status_code == 302
    created = Programme.objects.get(organisation=ws.organisation, name="Outreach")
    assert (created.kind, created.check_in_interval_days) == ("outreach", 30)
