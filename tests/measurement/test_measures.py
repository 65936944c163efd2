"""The programme measures against figures worked out by hand on a small fixture (#21).

Outcome 1 has two survivor-reported questions: A on five points (1→0, 2→25, 3→50, 4→75, 5→100)
and B on three (1→0, 2→50, 3→100), and one practitioner-observed indicator (never scored).
Outcome 2 has one question, C, on four points (1→0, 2→33.3, 3→66.7, 4→100).
"""

import datetime

import pytest

from mscos.measurement import measures
from mscos.measurement.measures import AnswerRow, CheckInRow

D = datetime.date
A, B, C, OBSERVED = 5, 3, 4, 0  # scale points


def _row(person, check_in, date, kind, outcome, points, survivor, practitioner=""):
    return AnswerRow(person, check_in, date, kind, outcome, points, survivor, practitioner)


BASE, REVIEW = "baseline", "review"
ROWS = [
    # Person 1: baseline 12.5 (A 25, B 0), practitioner A 50, B 0: gap -12.5.
    _row(1, 1, D(2026, 1, 5), BASE, 1, A, "2", "3"),
    _row(1, 1, D(2026, 1, 5), BASE, 1, B, "1", "1"),
    _row(1, 1, D(2026, 1, 5), BASE, 1, OBSERVED, "", "yes"),
    # review 87.5 (A 75, B 100); practitioner declined A, B 50: gap over B only, 100 - 50 = 50.
    _row(1, 2, D(2026, 4, 5), REVIEW, 1, A, "4", "declined"),
    _row(1, 2, D(2026, 4, 5), REVIEW, 1, B, "3", "2"),
    # Outcome 2: 33.3 then 100.
    _row(1, 1, D(2026, 1, 5), BASE, 2, C, "2"),
    _row(1, 2, D(2026, 4, 5), REVIEW, 2, C, "4"),
    # Person 2: baseline 50 (B declined, not counted), review 50 (A 50, B 50): stayed.
    _row(2, 3, D(2026, 1, 10), BASE, 1, A, "3"),
    _row(2, 3, D(2026, 1, 10), BASE, 1, B, "declined"),
    _row(2, 4, D(2026, 4, 10), REVIEW, 1, A, "3", "5"),  # practitioner 100: gap -50
    _row(2, 4, D(2026, 4, 10), REVIEW, 1, B, "2"),
    # Person 3: baseline 100 (practitioner 100: gap 0), a review in March at 75 and the
    # latest in May at 25: change -75; the latest gap is the baseline's, as only it has both.
    _row(3, 5, D(2026, 2, 1), BASE, 1, A, "5", "5"),
    _row(3, 7, D(2026, 3, 1), REVIEW, 1, A, "4"),
    _row(3, 6, D(2026, 5, 1), REVIEW, 1, A, "2"),
    # Person 4: nothing on the scale at the baseline; 75 at a review: scored, never paired.
    _row(4, 8, D(2026, 3, 1), BASE, 1, A, "declined"),
    _row(4, 8, D(2026, 3, 1), BASE, 1, B, ""),
    _row(4, 9, D(2026, 3, 15), REVIEW, 1, A, "4"),
    # Person 5: a baseline only, at 0.
    _row(5, 10, D(2026, 1, 2), BASE, 1, A, "1"),
]


def test_an_answer_is_its_share_of_the_scale():
    assert measures.point_share("1", 5) == 0
    assert measures.point_share("4", 5) == 75
    assert measures.point_share("2", 3) == 50
    assert measures.point_share("declined", 5) is None
    assert measures.point_share("", 5) is None
    assert measures.point_share("6", 5) is None  # not on the scale
    assert measures.point_share("yes", 0) is None


def test_counts_of_people_per_outcome():
    outcome = measures.outcome_measures(ROWS)[1]
    assert outcome.people == 5  # everyone has a score somewhere
    assert outcome.with_baseline == 4  # person 4's baseline has nothing on the scale
    assert outcome.paired == 3  # persons 1, 2 and 3


def test_first_readings_are_the_profile_of_need_on_arrival():
    first = measures.outcome_measures(ROWS)[1].first_readings
    # Baselines 12.5, 50, 100 and 0.
    assert first.people == 4
    assert first.bands == (2, 0, 1, 0, 1)
    assert first.mean == pytest.approx(40.625)
    assert first.median == pytest.approx(31.25)


def test_change_from_first_to_latest_and_its_spread():
    change = measures.outcome_measures(ROWS)[1].change
    # Changes 87.5 - 12.5 = 75, 50 - 50 = 0, 25 - 100 = -75.
    assert change is not None
    assert change.people == 3
    assert change.mean == pytest.approx(0)
    assert change.sd == pytest.approx(75)  # sqrt((75² + 0² + 75²) / 2)
    assert (change.q1, change.median, change.q3) == pytest.approx((-37.5, 0, 37.5))
    assert change.iqr == pytest.approx(75)


def test_moved_up_stayed_and_moved_down():
    outcome = measures.outcome_measures(ROWS)[1]
    assert (outcome.moved_up, outcome.stayed, outcome.moved_down) == (1, 1, 1)
    assert outcome.share(outcome.moved_up) == pytest.approx(1 / 3)


def test_gap_between_survivor_and_practitioner():
    gap = measures.outcome_measures(ROWS)[1].gap
    # Latest gaps: person 1: 50; person 2: -50; person 3: 0 (at the baseline).
    assert gap.people == 3
    assert gap.mean == pytest.approx(0)
    assert gap.mean_absolute == pytest.approx(100 / 3)


def test_one_person_has_a_change_but_no_standard_deviation():
    outcome = measures.outcome_measures(ROWS)[2]
    assert outcome.paired == 1
    assert outcome.change is not None
    assert outcome.change.mean == pytest.approx(100 - 100 / 3)
    assert outcome.change.sd is None
    assert outcome.change.q1 == outcome.change.q3 == outcome.change.mean
    assert outcome.gap.people == 0
    assert outcome.gap.mean is None


def test_an_outcome_nobody_answered_on_the_scale_is_absent():
    rows = [
        _row(1, 1, D(2026, 1, 5), BASE, 9, A, "declined"),
        _row(1, 1, D(2026, 1, 5), BASE, 8, 0, "", "yes"),
    ]
    found = measures.outcome_measures(rows)
    assert found[9].people == 0
    assert found[9].change is None
    assert found[9].share(0) is None
    assert 8 not in found  # an observed indicator alone scores nothing


def test_completion_against_the_programme_interval():
    check_ins = [
        CheckInRow(1, D(2026, 1, 5)),
        CheckInRow(1, D(2026, 4, 5)),  # 87 days before today: due on 4 July
        CheckInRow(4, D(2026, 3, 15)),  # 108 days: one overdue
        CheckInRow(5, D(2026, 1, 2)),  # 180 days: the second is due today, one overdue
        CheckInRow(7, D(2025, 10, 1)),  # 273 days: due at 90, 180 and 270 days, three overdue
    ]
    found = measures.completion(
        check_ins, interval_days=90, today=D(2026, 7, 1), people=[1, 4, 5, 6, 7]
    )
    assert found == measures.Completion(
        people=5, never_checked_in=1, up_to_date=1, overdue_people=3, overdue_check_ins=5
    )


def test_due_today_is_not_overdue_and_the_day_after_is():
    rows = [CheckInRow(1, D(2026, 1, 1))]
    due = D(2026, 1, 1) + datetime.timedelta(days=90)
    assert measures.completion(rows, interval_days=90, today=due).overdue_people == 0
    late = due + datetime.timedelta(days=1)
    assert measures.completion(rows, interval_days=90, today=late).overdue_check_ins == 1


def test_breakdown_by_a_label_per_person():
    groups = measures.by_group(ROWS, {1: "woman", 2: "woman", 3: "man", 4: ""})
    assert sorted(groups) == ["man", "woman"]
    women = groups["woman"][1]
    assert (women.paired, women.moved_up, women.stayed) == (2, 1, 1)
    assert women.change is not None and women.change.mean == pytest.approx(37.5)
    assert groups["man"][1].moved_down == 1
    assert 2 not in groups["man"]  # the man answered nothing about outcome 2


def test_period_is_the_quarter_of_the_baseline():
    quarters = measures.baseline_quarters(ROWS)
    assert quarters == {1: "2026 Q1", 2: "2026 Q1", 3: "2026 Q1", 4: "2026 Q1", 5: "2026 Q1"}
    assert measures.quarter(D(2026, 10, 1)) == "2026 Q4"
    by_period = measures.by_group(ROWS, quarters)
    assert by_period["2026 Q1"][1].paired == 3
