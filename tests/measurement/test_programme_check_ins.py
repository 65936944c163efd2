"""A programme's check-in list: newest first, a page at a time, the lead's whole programme or a
caseworker's own people, never for viewers, and every look in the access log."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mscos.measurement import services
from mscos.measurement.models import AccessLogEntry, CheckIn, Programme
from tests.measurement.test_check_ins import library  # noqa: F401 (a fixture)


def _url(ws, programme=None, page=None):
    path = reverse(
        "measurement:programme_check_ins",
        args=[ws.organisation.slug, (programme or ws.programme).pk],
    )
    return f"{path}?page={page}" if page is not None else path


def _lines(html: str) -> list[tuple[str, str, str]]:
    """(case code, kind, answered) per line of the table, top to bottom."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        (code, kind, answered)
        for code, kind, answered in re.findall(
            r'<th scope="row"[^>]*><a [^>]*>([^<]+)</a></th>\s*<td>([^<]+)</td>.*?'
            r'<td class="data-table__figure">\s*([^<]+?)\s*</td>',
            body,
            re.S,
        )
    ]


def _review(ws, person, day, answers=None, who=None):
    return services.check_in_record(
        organisation=ws.organisation,
        person=person,
        date=day,
        kind=CheckIn.Kind.REVIEW,
        answers=answers or {},
        acting_user=who or ws.caseworker,
    )


def test_the_lead_sees_the_programmes_check_ins_newest_first_with_how_complete(ws, library):  # noqa: F811
    question, observed = library
    _review(ws, ws.person, datetime.date(2026, 3, 1), {question.pk: ("declined", "")})
    _review(
        ws, ws.person, datetime.date(2026, 6, 1), {question.pk: ("3", ""), observed.pk: ("", "no")}
    )
    html = ws.client_for("lead").get(_url(ws)).content.decode()
    assert _lines(html) == [
        ("SH-001", "Review", "2 of 2"),
        ("SH-001", "Review", "1 of 2"),  # "I'd rather not say" is an answer
        ("SH-001", "Baseline", "0 of 2"),
    ]
    assert "Casey" in html  # who recorded them


def test_a_caseworker_sees_only_their_own_peoples_check_ins(ws):
    ws.second_person.programme = ws.programme
    ws.second_person.save()
    services.check_in_record(
        organisation=ws.organisation,
        person=ws.second_person,
        date=datetime.date(2026, 2, 2),
        kind=CheckIn.Kind.BASELINE,
        answers={},
        acting_user=ws.second_caseworker,
    )
    mine = ws.client_for("caseworker").get(_url(ws)).content.decode()
    theirs = ws.client_for("second_caseworker").get(_url(ws)).content.decode()
    everyone = ws.client_for("lead").get(_url(ws)).content.decode()
    assert [line[0] for line in _lines(mine)] == ["SH-001"]
    assert [line[0] for line in _lines(theirs)] == ["SH-002"]
    assert [line[0] for line in _lines(everyone)] == ["SH-002", "SH-001"]


def test_a_viewer_is_refused_and_another_organisations_programme_does_not_exist(ws):
    assert ws.client_for("viewer").get(_url(ws)).status_code == 403
    theirs = Programme.objects.create(organisation=ws.other_organisation, name="Theirs")
    assert ws.client_for("lead").get(_url(ws, theirs)).status_code == 404
    assert ws.client_for("outsider").get(_url(ws)).status_code == 404
    assert not AccessLogEntry.objects.filter(action="check-in-list").exists()


def test_pages_of_25_and_a_page_number_that_is_not_one_shows_a_page(ws):
    for n in range(30):
        _review(ws, ws.person, datetime.date(2026, 1, 6) + datetime.timedelta(days=n))
    client = ws.client_for("lead")
    first = client.get(_url(ws)).content.decode()
    second = client.get(_url(ws, page=2)).content.decode()
    assert len(_lines(first)) == 25 and len(_lines(second)) == 6
    assert "Page 1 of 2" in first and "?page=2" in first
    assert "Older check-ins" in first and "Newer check-ins" in second
    for odd in ("abc", "0", "999", "1%00"):
        response = client.get(_url(ws, page=odd))
        assert response.status_code == 200
        assert len(_lines(response.content.decode())) in (25, 6)


def test_every_look_is_in_the_access_log(ws):
    ws.client_for("caseworker").get(_url(ws, page=1))
    entry = AccessLogEntry.objects.get(action="check-in-list")
    assert entry.actor_id == ws.caseworker.pk
    assert entry.person_id is None
    assert "Safe house" in entry.detail and "1" in entry.detail


def test_the_list_costs_the_same_queries_with_many_check_ins(ws, library):  # noqa: F811
    question, observed = library
    client = ws.client_for("lead")

    def queries() -> int:
        client.get(_url(ws))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(_url(ws)).status_code == 200
        # The page shell's own queries come and go with its memo (core/shell_memo.py).
        return sum("measurement_" in query["sql"] for query in captured.captured_queries)

    _review(ws, ws.person, datetime.date(2026, 1, 7), {question.pk: ("2", "")})
    few = queries()
    for n in range(40):
        _review(
            ws,
            ws.person,
            datetime.date(2026, 1, 8) + datetime.timedelta(days=n),
            {question.pk: ("2", ""), observed.pk: ("", "yes")},
        )
    assert queries() == few
