"""Programme dashboards (#21): figures against hand-computed ones, small cells hidden, no
caseworker anywhere, the PDF's text and the CSV's content, and who may see them.

The programme "Safe house" (checked in every 90 days) holds the workspace's SH-001 (a baseline
with no answers, on 5 January 2026) and eleven more people. On "Safety" (one question on five
points: 1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100) P1 to P10 have a baseline and a review; P11 a
baseline only. Their scores (baseline → review; the practitioner's view at the review):

    P1, P6  0 → 50  (25)     P2, P7  25 → 75 (75)     P3, P8  50 → 50 (100)
    P4, P9  25 → 100 (50)    P5, P10 75 → 25 (25)     P11     0

Changes 50, 50, 0, 75, -50 twice: mean 25; standard deviation sqrt(20000 / 9) = 47.1; quartiles
0, 50, 50; moved up 6 (60%), stayed 2, moved down 2. Gaps 25, 0, -50, 50, 0 twice: mean 5, mean
size 25. First readings: mean 350 / 11 = 31.8, median 25. "Housing" (three points) has P1 alone.
"""

import csv
import datetime
import io
import re

import pytest
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from mscos.measurement import dashboard
from mscos.measurement.models import AccessLogEntry, Answer, CheckIn, Indicator, Person, Programme
from mscos.outcomes.models import Domain, LongListOutcome

D = datetime.date
SAFETY = [("0", "50", "25"), ("25", "75", "75"), ("50", "50", "100"), ("25", "100", "50")]
SAFETY += [("75", "25", "25")]
POINT = {"0": "1", "25": "2", "50": "3", "75": "4", "100": "5"}


@pytest.fixture
def programme_data(ws):
    safety_outcome = LongListOutcome.objects.create(
        domain=Domain.objects.create(name="Safety"), name="Safety"
    )
    housing_outcome = LongListOutcome.objects.create(
        domain=Domain.objects.create(name="Housing"), name="Housing"
    )
    safety = Indicator.objects.create(
        outcome=safety_outcome,
        text="How safe do you feel?",
        point_1="Not at all",
        point_2="A little",
        point_3="Somewhat",
        point_4="Mostly",
        point_5="Completely",
    )
    housing = Indicator.objects.create(
        outcome=housing_outcome,
        text="How settled is where you live?",
        point_1="Not at all",
        point_2="Somewhat",
        point_3="Completely",
    )
    observed = Indicator.objects.create(
        outcome=safety_outcome, kind=Indicator.Kind.PRACTITIONER, text="Has a safety plan"
    )
    ages = ["18-25"] * 5 + ["26-35"] * 5 + [""]
    genders = ["woman"] * 6 + ["man"] * 4 + [""]
    nationalities = ["Albanian", "albanian ", "Albanian", "Albanian", "", "ALBANIAN"]
    nationalities += [""] * 5
    for index in range(11):
        person = Person.objects.create(
            organisation=ws.organisation,
            case_code=f"P-{index + 1:02}",
            programme=ws.programme,
            age_band=ages[index],
            gender=genders[index],
            nationality=nationalities[index],
            caseworker=ws.caseworker if index % 2 else ws.second_caseworker,
        )
        baseline_day = D(2026, 1, 10) if index < 3 or 5 <= index < 8 else D(2026, 4, 10)
        baseline = CheckIn.objects.create(
            person=person, date=baseline_day, kind="baseline", created_by=ws.caseworker
        )
        if index == 10:
            Answer.objects.create(check_in=baseline, indicator=safety, survivor_answer="1")
            continue
        first, latest, practitioner = SAFETY[index % 5]
        Answer.objects.create(check_in=baseline, indicator=safety, survivor_answer=POINT[first])
        Answer.objects.create(check_in=baseline, indicator=observed, practitioner_answer="yes")
        review = CheckIn.objects.create(
            person=person, date=D(2026, 6, 1), kind="review", created_by=ws.caseworker
        )
        Answer.objects.create(
            check_in=review,
            indicator=safety,
            survivor_answer=POINT[latest],
            practitioner_answer=POINT[practitioner],
        )
        if index == 0:
            Answer.objects.create(check_in=baseline, indicator=housing, survivor_answer="1")
            Answer.objects.create(check_in=review, indicator=housing, survivor_answer="3")
    return ws


def _outcome(found, name):
    return next(o for o in found.outcomes if o.outcome == name)


def test_the_figures_are_the_hand_computed_ones(programme_data):
    found = dashboard.programme_dashboard(programme_data.programme, today=D(2026, 7, 1))
    safety = _outcome(found, "Safety")
    assert (str(safety.people), str(safety.with_baseline), str(safety.paired)) == ("11", "11", "10")
    assert str(safety.change_mean) == "+25"
    assert safety.change_sd.value == pytest.approx((20000 / 9) ** 0.5)
    assert str(safety.change_sd) == "47"
    assert [str(c) for c in (safety.change_q1, safety.change_median, safety.change_q3)] == [
        "0",
        "+50",
        "+50",
    ]
    assert [str(c) for c in safety.movement] == ["6", "fewer than 5", "fewer than 5"]
    assert str(safety.movement_shares[0]) == "60%"
    assert (str(safety.first_mean), str(safety.first_median)) == ("32", "25")
    assert [str(c) for c in safety.bands] == ["fewer than 5"] * 5  # 3, 4, 2, 2, 0 people
    assert (str(safety.gap_people), str(safety.gap_mean), str(safety.gap_absolute)) == (
        "10",
        "+5",
        "25",
    )


def test_an_outcome_of_one_person_shows_no_figure(programme_data):
    found = dashboard.programme_dashboard(programme_data.programme, today=D(2026, 7, 1))
    housing = _outcome(found, "Housing")
    shown = [housing.people, housing.paired, housing.change_mean, housing.first_mean]
    shown += housing.bands + housing.movement + [housing.gap_mean]
    assert {str(cell) for cell in shown} == {"fewer than 5"}


def test_completion_counts_overdue_check_ins(programme_data):
    found = dashboard.programme_dashboard(programme_data.programme, today=D(2026, 7, 1))
    completion = found.completion
    # Twelve people; everyone's latest check-in is within 90 days but SH-001's (5 January).
    assert str(completion.people) == "12"
    assert str(completion.up_to_date) == "11"
    assert str(completion.overdue_people) == "fewer than 5"
    assert str(completion.overdue_check_ins) == "fewer than 5"
    # Nobody lacks a check-in (0): hidden too, so the one overdue cannot be worked out.
    assert str(completion.never_checked_in) == "fewer than 5"
    later = dashboard.programme_dashboard(programme_data.programme, today=D(2026, 9, 30))
    # 121 days after 1 June, 173 after P11's baseline on 10 April: one late each.
    assert str(later.completion.overdue_people) == "12"
    # SH-001 (5 January, 268 days) has missed two.
    assert str(later.completion.overdue_check_ins) == "13"


def _groups(found, key):
    breakdown = next(b for b in found.breakdowns if b.key == key)
    return {g.label: (str(g.people), [str(c) for c in g.change_means]) for g in breakdown.groups}


def test_breakdowns_show_groups_only_where_the_numbers_allow(programme_data):
    found = dashboard.programme_dashboard(programme_data.programme, today=D(2026, 7, 1))
    assert [o.outcome for o in found.outcomes] == ["Safety", "Housing"]
    # Women: P1 to P6, changes 50, 50, 0, 75, -50, 50: mean 29.2.
    assert _groups(found, "gender") == {
        "Woman": ("6", ["+29", "fewer than 5"]),
        "Man": ("fewer than 5", ["fewer than 5", "fewer than 5"]),
        "Not recorded": ("fewer than 5", ["fewer than 5", "fewer than 5"]),
    }
    # 5, 5 and 2 people: the 2 alone hidden would give the other away, so one 5 goes too.
    ages = _groups(found, "age_band")
    assert ages["18 to 25"] == ("fewer than 5", ["fewer than 5", "fewer than 5"])
    assert ages["26 to 35"] == ("5", ["+25", "fewer than 5"])
    # Nationality typed three ways is one group.
    assert _groups(found, "nationality")["Albanian"][0] == "5"
    periods = _groups(found, "period")
    assert periods["2026, quarter 1"][0] == "7"  # SH-001 and six more baselines in January
    assert periods["2026, quarter 2"][0] == "5"


def test_protect_hides_one_more_when_one_alone_would_show_by_subtraction():
    assert dashboard.protect([10, 3, 7]) == [False, True, True]
    assert dashboard.protect([10, 3, 2]) == [False, True, True]
    assert dashboard.protect([10, 6]) == [False, False]
    assert dashboard.protect([10, 3], total_shown=False) == [False, True]


@override_settings(MEASUREMENT_DASHBOARD_MIN_CELL=2)
def test_the_smallest_cell_is_a_setting(programme_data):
    found = dashboard.programme_dashboard(programme_data.programme, today=D(2026, 7, 1))
    safety = _outcome(found, "Safety")
    assert [str(c) for c in safety.movement] == ["6", "2", "2"]
    assert [str(c) for c in safety.bands] == ["3", "4", "fewer than 2", "2", "fewer than 2"]


def _page(ws, who="lead"):
    url = reverse("measurement:programme_dashboard", args=[ws.organisation.slug, ws.programme.pk])
    response = ws.client_for(who).get(url)
    assert response.status_code == 200
    return response.content.decode()


def _cell(html, outcome, figure):
    for row in re.findall(rf'<tr data-outcome="{outcome}">(.*?)</tr>', html, re.S):
        found = re.search(rf'data-figure="{figure}">(.*?)</td>', row)
        if found:
            return re.sub(r"<[^>]+>", "", found.group(1)).strip()
    raise AssertionError(f"no {figure} for {outcome}")


def test_the_page_shows_the_figures_in_tables_and_charts(programme_data):
    html = _page(programme_data, "viewer")
    assert _cell(html, "Safety", "change-mean") == "+25"
    assert _cell(html, "Safety", "change-sd") == "47"
    assert _cell(html, "Safety", "movement-1") == "60% (6)"
    assert _cell(html, "Safety", "gap-mean") == "+5"
    assert _cell(html, "Housing", "change-mean") == "fewer than 5"
    # The change chart draws the same figure, and no bar for the hidden one.
    assert re.findall(r'<rect [^>]*data-outcome="([^"]+)" data-value="([^"]+)"', html) == [
        ("Safety", "+25")
    ]
    # The movement chart: moved up drawn at 60% of the bar, the rest grey (hidden).
    parts = re.findall(
        r'<rect [^>]*width="([\d.]+)"[^>]*data-outcome="Safety" data-part="(\d)"', html
    )
    assert parts == [("192.0", "0")]
    assert html.count('<figure class="journey-chart dashboard-chart">') == 3


def test_no_caseworker_and_no_case_code_appears_anywhere(programme_data):
    ws = programme_data
    slug, pk = ws.organisation.slug, ws.programme.pk
    lead = ws.client_for("lead")
    html = _page(ws)
    csv_text = lead.post(reverse("measurement:programme_dashboard_csv", args=[slug, pk]))
    pdf = lead.post(reverse("measurement:programme_dashboard_pdf", args=[slug, pk]))
    pdf_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    for text in (html, csv_text.content.decode("utf-8-sig"), pdf_text):
        for name in ("Casey", "Morgan", "casey", "morgan"):
            assert name not in text
        assert "P-01" not in text and "SH-001" not in text


def test_the_pdf_report_contains_the_figures(programme_data):
    ws = programme_data
    response = ws.client_for("viewer").post(
        reverse("measurement:programme_dashboard_pdf", args=[ws.organisation.slug, ws.programme.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Safe house: programme report" in text
    assert "Safety 10 +25 47 +50 0 to +50" in text  # the change table's row
    assert "60% (6)" in text
    assert "fewer than 5" in text
    entry = AccessLogEntry.objects.get(action="export")
    assert entry.detail == "dashboard PDF: Safe house"
    assert entry.actor_id == ws.viewer.pk


def test_the_csv_has_the_aggregates_and_nothing_else(programme_data):
    ws = programme_data
    response = ws.client_for("lead").post(
        reverse("measurement:programme_dashboard_csv", args=[ws.organisation.slug, ws.programme.pk])
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Programme", "Outcome", "Breakdown", "Group", "Figure", "Value"]
    figures = {(r[1], r[2], r[3], r[4]): r[5] for r in rows[1:]}
    assert figures[("Safety", "", "", "Average change, first to latest")] == "25"
    assert figures[("Safety", "", "", "Lower quartile of the change")] == "0"
    assert figures[("Safety", "", "", "Moved up (per cent)")] == "60"
    assert figures[("Safety", "", "", "Moved down")] == "fewer than 5"
    assert figures[("", "", "", "People in the programme")] == "12"
    assert figures[("Safety", "Gender", "Woman", "Average change, first to latest")] == "29"
    assert figures[("Safety", "Gender", "Man", "Average change, first to latest")] == (
        "fewer than 5"
    )
    assert AccessLogEntry.objects.get(action="export").detail == "dashboard CSV: Safe house"


def test_arabic_charts_grow_from_the_right(programme_data):
    ws = programme_data
    url = "/ar" + reverse(
        "measurement:programme_dashboard", args=[ws.organisation.slug, ws.programme.pk]
    )
    html = ws.client_for("lead").get(url).content.decode()
    # The moved-up segment (60% of 320) ends at the right edge.
    parts = re.findall(
        r'<rect x="([\d.]+)"[^>]*width="([\d.]+)"[^>]*data-outcome="Safety" data-part="0"', html
    )
    assert parts == [("128.0", "192.0")]


@pytest.mark.parametrize(
    ("who", "status"),
    [("lead", 200), ("viewer", 200), ("caseworker", 403), ("outsider", 404)],
)
def test_who_may_download(ws, who, status):
    for name in ("programme_dashboard_pdf", "programme_dashboard_csv"):
        url = reverse(f"measurement:{name}", args=[ws.organisation.slug, ws.programme.pk])
        assert ws.client_for(who).post(url).status_code == status
    assert AccessLogEntry.objects.filter(action="export").count() == (2 if status == 200 else 0)


def test_another_organisations_programme_is_not_found(ws):
    theirs = Programme.objects.create(organisation=ws.other_organisation, name="Theirs")
    for name in ("programme_dashboard_pdf", "programme_dashboard_csv"):
        url = reverse(f"measurement:{name}", args=[ws.organisation.slug, theirs.pk])
        assert ws.client_for("lead").post(url).status_code == 404
