"""A person's journey: the survivor's scores per outcome at the first and latest check-in, drawn
as an SVG chart and given as a table; both show the same figures."""

import datetime
import re

from django.urls import reverse

from mscos.measurement import services
from mscos.measurement.models import DECLINED, AccessLogEntry, CheckIn
from tests.measurement.test_check_ins import library  # noqa: F401 (a fixture)


def _figures(html: str, element: str) -> dict[tuple[str, str], str]:
    pattern = (
        rf'<{element}[^>]*data-outcome="([^"]+)" data-when="(\w+)"'
        r'[^>]*?(?:data-value="(\d+)")?>([^<]*)'
    )
    figures = {}
    for outcome, when, value, text in re.findall(pattern, html):
        figures[(outcome, when)] = value or text.strip()
    return figures


def test_the_chart_and_the_table_show_the_same_figures(ws, library):  # noqa: F811
    question, observed = library  # a four-point scale: 1 → 0, 2 → 33, 4 → 100
    baseline = ws.check_in
    services.check_in_record(
        organisation=ws.organisation,
        person=ws.person,
        date=baseline.date,
        kind=CheckIn.Kind.BASELINE,
        answers={question.pk: ("2", "1"), observed.pk: ("", "no")},
        check_in=baseline,
        expected_version=baseline.version,
        acting_user=ws.caseworker,
    )
    services.check_in_record(
        organisation=ws.organisation,
        person=ws.person,
        date=datetime.date(2026, 4, 5),
        kind=CheckIn.Kind.REVIEW,
        answers={question.pk: ("4", DECLINED)},
        acting_user=ws.caseworker,
    )
    url = reverse("measurement:journey", args=[ws.organisation.slug, ws.person.pk])
    response = ws.client_for("caseworker").get(url)
    assert response.status_code == 200
    html = response.content.decode()
    outcome = question.outcome.name
    table = _figures(html, "td")
    chart = _figures(html, "rect")
    assert table == {(outcome, "first"): "33", (outcome, "latest"): "100"}
    assert chart == table
    assert AccessLogEntry.objects.filter(action="journey-view", person_id=ws.person.pk).exists()


def test_a_declined_answer_is_not_a_score(ws, library):  # noqa: F811
    question, _observed = library
    services.check_in_record(
        organisation=ws.organisation,
        person=ws.person,
        date=ws.check_in.date,
        kind=CheckIn.Kind.BASELINE,
        answers={question.pk: (DECLINED, "")},
        check_in=ws.check_in,
        expected_version=ws.check_in.version,
        acting_user=ws.caseworker,
    )
    url = reverse("measurement:journey", args=[ws.organisation.slug, ws.person.pk])
    html = ws.client_for("lead").get(url).content.decode()
    assert _figures(html, "rect") == {}
    assert _figures(html, "td") == {
        (question.outcome.name, "first"): "—",
        (question.outcome.name, "latest"): "—",
    }


def test_in_a_right_to_left_language_the_bars_grow_from_the_right():
    from mscos.measurement import journey_chart
    from mscos.measurement.selectors import OutcomeChange

    changes = [OutcomeChange(outcome="Safety", first=25, latest=None)]
    (left_row,), _ = journey_chart.chart_rows(changes)
    (right_row,), _ = journey_chart.chart_rows(changes, right_to_left=True)
    first, latest = right_row.bars
    assert (left_row.bars[0].x, left_row.bars[0].width) == (0, first.width)
    assert first.x + first.width == journey_chart.WIDTH  # it ends at the right edge
    assert first.value_x < first.x  # its figure is written to its left
    assert latest.value_x == journey_chart.WIDTH  # "no answers" starts at the right edge
