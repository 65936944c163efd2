"""Where services struggle: counts per outcome and answer, only from the minimum up, with the
cell that totals would give away hidden too, never any free text, and no cookie."""

import pytest
from django.test import Client

from mscos.selfassessment import selectors, services
from mscos.selfassessment.models import Measured

pytestmark = pytest.mark.django_db


def make(outcomes, count, *, measured="tool", barriers=(), note="", **overrides):
    for _ in range(count):
        answers = {
            outcome.pk: {
                "measured": measured,
                "tool": "",
                "barriers": list(barriers),
                "barrier_other": note,
                "helps": [],
                "help_other": note,
            }
            for outcome in outcomes
        }
        for number, fields in overrides.items():
            answers[outcomes[int(number[1:]) - 1].pk].update(fields)
        services.assessment_create(answers=answers)


def row(table, number):
    return next(r for r in table.rows if r.outcome.number == number)


def counts(cells):
    return {cell.label: cell.count for cell in cells}


def test_nothing_is_shown_below_the_minimum_number_of_assessments(outcomes, settings):
    settings.SELF_ASSESSMENT_MIN_CELL = 10
    make(outcomes, 9, measured="none", barriers=["time"])
    table = selectors.struggle_table()
    assert table.total is None and table.rows == []
    page = Client().get("/self-assessment/where-services-struggle/")
    assert "There are not enough self-assessments yet" in page.text
    assert "at least 10 are needed" in page.text


def test_cells_are_counted_per_outcome_and_answer_from_the_minimum_up(outcomes, settings):
    settings.SELF_ASSESSMENT_MIN_CELL = 10
    make(outcomes, 12, measured="none", barriers=["time", "funder"])
    make(outcomes, 10, measured="informal", barriers=["time"])
    make(outcomes, 10, measured="tool", o3={"measured": "none", "barriers": ["no_tool"]})
    table = selectors.struggle_table()
    assert table.total == 32
    first = row(table, 1)
    assert counts(first.measured) == {
        str(Measured.NOT_AT_ALL.label): 12,
        str(Measured.INFORMALLY.label): 10,
        str(Measured.WITH_TOOL.label): 10,
    }
    barriers = counts(first.barriers)
    assert barriers["Not enough staff time"] == 22
    assert barriers["Funders ask us to measure other things"] == 12
    assert barriers["We do not know a suitable tool"] is None  # none at all: not shown either
    third = row(table, 3)
    assert counts(third.barriers)["We do not know a suitable tool"] == 10
    assert counts(third.measured)[str(Measured.NOT_AT_ALL.label)] == 22


def test_a_cell_under_the_minimum_is_hidden_and_so_is_one_that_would_give_it_away(
    outcomes, settings
):
    settings.SELF_ASSESSMENT_MIN_CELL = 10
    make(outcomes, 15, measured="none")
    make(outcomes, 11, measured="informal")
    make(outcomes, 3, measured="tool")  # three services: too few to show
    table = selectors.struggle_table()
    assert table.total == 29
    shown = counts(row(table, 1).measured)
    assert shown[str(Measured.WITH_TOOL.label)] is None
    # 29 - 15 - 11 would be 3: so the smaller of the other two is hidden as well.
    assert shown[str(Measured.INFORMALLY.label)] is None
    assert shown[str(Measured.NOT_AT_ALL.label)] == 15
    # The attack: from the published total and the published cells, the three cannot be told.
    published = [count for count in shown.values() if count is not None]
    assert table.total - sum(published) == 14  # the two hidden cells together, not one of them


def test_the_page_shows_counts_never_words_and_sets_no_cookie(outcomes, settings):
    settings.SELF_ASSESSMENT_MIN_CELL = 10
    make(outcomes, 10, measured="none", barriers=["time"], note="Ask Robin at Safe Harbour")
    response = Client().get("/self-assessment/where-services-struggle/")
    assert response.status_code == 200
    assert response.cookies == {} and "Set-Cookie" not in response.headers
    assert "Robin" not in response.text and "Safe Harbour" not in response.text
    assert "10 self-assessments so far." in response.text
    assert "fewer than 10" in response.text
    arabic = Client().get("/ar/self-assessment/where-services-struggle/")
    assert arabic.status_code == 200 and '<html lang="ar" dir="rtl">' in arabic.text


def test_the_minimum_comes_from_the_setting(outcomes, settings):
    settings.SELF_ASSESSMENT_MIN_CELL = 3
    make(outcomes, 3, measured="informal")
    table = selectors.struggle_table()
    assert counts(row(table, 7).measured)[str(Measured.INFORMALLY.label)] == 3
