"""A person's journey: the survivor's scores per outcome at the first and latest check-in, drawn
as an SVG chart and given as a table; both show the same figures."""

import datetime
import re

import pytest
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


def _trajectory_fixture(ws, question):
    """Four check-ins on a four-point scale: 2 → 33, declined → no score, 3 → 67, 4 → 100."""
    baseline = ws.check_in  # 2026-01-05
    services.check_in_record(
        organisation=ws.organisation,
        person=ws.person,
        date=baseline.date,
        kind=CheckIn.Kind.BASELINE,
        answers={question.pk: ("2", "")},
        check_in=baseline,
        expected_version=baseline.version,
        acting_user=ws.caseworker,
    )
    for day, answer in (
        (datetime.date(2026, 2, 5), DECLINED),
        (datetime.date(2026, 4, 5), "3"),
        (datetime.date(2026, 6, 5), "4"),
    ):
        services.check_in_record(
            organisation=ws.organisation,
            person=ws.person,
            date=day,
            kind=CheckIn.Kind.REVIEW,
            answers={question.pk: (answer, "")},
            acting_user=ws.caseworker,
        )


def _dated(html: str, element: str) -> dict[str, str]:
    """Date → figure, from the trajectory's dots (data-value) or its table's cells (text)."""
    pattern = rf'<{element}[^>]*data-date="([\d-]+)"(?:[^>]*data-value="(\d+)")?[^>]*>([^<]*)'
    return {day: value or text.strip() for day, value, text in re.findall(pattern, html)}


def test_the_trajectory_shows_every_check_in_with_the_tables_figures(ws, library):  # noqa: F811
    question, _observed = library
    _trajectory_fixture(ws, question)
    url = reverse("measurement:journey", args=[ws.organisation.slug, ws.person.pk])
    html = ws.client_for("caseworker").get(url).content.decode()
    # Worked out by hand: (point - 1) / (4 - 1) * 100, rounded.
    assert _dated(html, "td") == {
        "2026-01-05": "33",
        "2026-02-05": "—",
        "2026-04-05": "67",
        "2026-06-05": "100",
    }
    dots = _dated(html, "circle")
    assert dots == {"2026-01-05": "33", "2026-04-05": "67", "2026-06-05": "100"}
    # The declined check-in breaks the line: the baseline's dot stands alone.
    assert len(re.findall(r"<polyline ", html)) == 1
    # First and latest still compare the first check-in with the latest.
    assert _figures(html, "td") == {
        (question.outcome.name, "first"): "33",
        (question.outcome.name, "latest"): "100",
    }


def _dot_positions(html: str) -> list[tuple[str, float, float]]:
    found = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*data-date="([\d-]+)"', html)
    return sorted((day, float(x), float(y)) for x, y, day in found)


def test_time_runs_right_to_left_in_arabic_and_higher_scores_stand_higher(ws, library):  # noqa: F811
    from mscos.measurement import journey_chart

    question, _observed = library
    _trajectory_fixture(ws, question)
    url = reverse("measurement:journey", args=[ws.organisation.slug, ws.person.pk])
    client = ws.client_for("caseworker")
    english = _dot_positions(client.get(url).content.decode())
    arabic = _dot_positions(client.get("/ar" + url).content.decode())
    xs = [x for _day, x, _y in english]
    assert xs == sorted(xs) and len(set(xs)) == 3  # later check-ins further right
    assert [y for *_rest, y in english] == sorted((y for *_rest, y in english), reverse=True)
    # Mirrored: the same heights, time from the right edge leftwards.
    assert [(day, journey_chart.PANEL_WIDTH - x, y) for day, x, y in arabic] == english
    # Spaced by time, not by count: January to April is 90 days, April to June 61.
    assert (xs[1] - xs[0]) / (xs[2] - xs[1]) == pytest.approx(90 / 61, rel=0.01)


def test_the_journey_costs_the_same_queries_with_many_check_ins(ws, library):  # noqa: F811
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    question, observed = library
    url = reverse("measurement:journey", args=[ws.organisation.slug, ws.person.pk])
    client = ws.client_for("caseworker")

    def queries() -> int:
        client.get(url)  # the first request warms the process
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        # The page shell's own queries come and go with its memo (core/shell_memo.py).
        return sum("measurement_" in query["sql"] for query in captured.captured_queries)

    services.check_in_record(
        organisation=ws.organisation,
        person=ws.person,
        date=ws.check_in.date,
        kind=CheckIn.Kind.BASELINE,
        answers={question.pk: ("2", "")},
        check_in=ws.check_in,
        expected_version=ws.check_in.version,
        acting_user=ws.caseworker,
    )
    few = queries()
    for month in range(2, 12):
        services.check_in_record(
            organisation=ws.organisation,
            person=ws.person,
            date=datetime.date(2026, month, 1),
            kind=CheckIn.Kind.REVIEW,
            answers={question.pk: (str(month % 4 + 1), ""), observed.pk: ("", "yes")},
            acting_user=ws.caseworker,
        )
    assert queries() == few


@pytest.mark.parametrize("language", ["ar", "ro"])
def test_the_worker_reads_the_journey_with_outcomes_named_in_the_pages_language(
    demo_site, ws, language
):
    """An outcome whose core outcome page is translated is named as that page is titled in the
    reader's language, on the worker's journey as on the survivor's own."""
    from django.utils import translation
    from wagtail.models import Locale

    from mscos.measurement.models import Indicator
    from mscos.outcomes.models import LongListOutcome, OutcomePage

    outcome = next(
        found
        for found in LongListOutcome.objects.exclude(outcome_page=None).order_by("pk")
        if found.outcome_page.get_translations().filter(locale__language_code=language).exists()
    )
    translated = OutcomePage.objects.get(
        translation_key=outcome.outcome_page.translation_key,
        locale=Locale.objects.get(language_code=language),
    )
    assert translated.title != outcome.name
    question = Indicator.objects.create(
        outcome=outcome, text="How are you?", point_1="Low", point_2="Middle", point_3="High"
    )
    services.check_in_record(
        organisation=ws.organisation,
        person=ws.person,
        date=ws.check_in.date,
        kind=CheckIn.Kind.BASELINE,
        answers={question.pk: ("3", "")},
        check_in=ws.check_in,
        expected_version=ws.check_in.version,
        acting_user=ws.caseworker,
    )
    with translation.override(language):
        url = reverse("measurement:journey", args=[ws.organisation.slug, ws.person.pk])
    html = ws.client_for("caseworker").get(url).content.decode()
    assert f'data-outcome="{translated.title}"' in html
    assert f'data-outcome="{outcome.name}"' not in html
