"""Re-identification attacks on the pooled figures. Each one is carried out against everything the
site publishes (the pages and both downloads) and must fail: what is published is exactly the same
in two worlds that differ only in what the attacker wants to learn, so nothing can be derived.

The pool: 6 organisations taking part; EVIDENCE_MIN_CELL = 10, EVIDENCE_MIN_ORGANISATIONS = 5.
"""

import pytest

from mscos.evidence.models import PooledCell
from mscos.measurement import services as measurement_services
from mscos.measurement.models import Programme
from tests.evidence.conftest import everything_published, main_content, published_cells, refresh

OUTREACH = Programme.Kind.OUTREACH
# 3 people in each of 5 organisations: 15 people, 12 beyond the largest contributor.
ENOUGH = [3, 3, 3, 3, 3]


@pytest.fixture(autouse=True)
def rules(settings):
    settings.EVIDENCE_MIN_CELL = 10
    settings.EVIDENCE_MIN_ORGANISATIONS = 5


def test_a_published_cell_shows_rounded_figures_and_nothing_about_anyone(demo_pool):
    demo_pool.fill(ENOUGH, first=2, later=4)
    refresh()
    [cell] = published_cells()
    assert cell["people"] == 15
    assert cell["change_mean"] == round(demo_pool.score(4) - demo_pool.score(2))
    assert cell["programme_kind"] == "safe_house"
    assert cell["period"] == "2026-Q1"
    text = " ".join(everything_published().values())
    for organisation in demo_pool.organisations:
        assert organisation.name not in text
        assert organisation.slug not in text
    assert "P-0" not in text  # no case code


def test_totals_minus_published_cells_reveal_nothing_of_a_small_cell(demo_pool):
    """A published cell beside a small one (4 people in outreach): if any total or margin
    included the small cell, changing the small cell would change what is published."""
    demo_pool.fill(ENOUGH)
    small = demo_pool.fill([1, 1, 1, 1], kind=OUTREACH, first=1, later=2)
    refresh()
    before = everything_published()
    assert [c["programme_kind"] for c in published_cells()] == ["safe_house"]
    # The other world: the small cell has other answers and one more person.
    for person in small:
        person.delete()
    demo_pool.fill([1, 1, 1, 1, 1], kind=OUTREACH, first=5, later=5)
    refresh()
    assert everything_published() == before


def test_differencing_two_filters_finds_no_filter_to_difference(demo_pool, client):
    """Filters an attacker would difference (by organisation, nationality, kind, all kinds
    together) do not exist: asking for them changes nothing in the answer."""
    demo_pool.fill(ENOUGH)
    demo_pool.add(0, nationality="Ruritanian", first=1, later=5)
    refresh()
    plain = client.get("/evidence/pooled-evidence.csv").content
    for query in (
        "?organisation=service-0",
        "?nationality=Ruritanian",
        "?kind=safe_house",
        "?kind=all",
        "?period=2026-Q1",
        "?min_cell=1",
    ):
        assert client.get("/evidence/pooled-evidence.csv" + query).content == plain
    outcome = "/evidence/safety-from-any-trafficker-or-other-abuser/"
    page = main_content(client.get(outcome))
    for query in ("?nationality=Ruritanian", "?organisation=service-0", "?kind=all"):
        assert main_content(client.get(outcome + query)) == page


def test_adding_one_person_and_refreshing_shows_nothing_new(demo_pool):
    """The attacker adds one person whose answers they know, refreshes, and compares: the
    figures do not move until enough people (beyond any one organisation) have changed."""
    demo_pool.fill(ENOUGH)
    refresh()
    before = everything_published()
    demo_pool.add(0, first=1, later=5)
    refresh()
    assert everything_published() == before
    # Nine more from the same organisation still cannot move it: they are all the attacker's own.
    demo_pool.fill([9])
    refresh()
    assert everything_published() == before
    # Ten people from five other services do.
    demo_pool.fill([0, 2, 2, 2, 2, 2], first=5, later=5)
    refresh()
    assert everything_published() != before


def test_one_person_more_does_not_lift_a_small_cell_into_view(demo_pool):
    """A cell one person short: an organisation adding one person it knows would learn the
    others' figures if that published the cell. It does not: the rule counts people beyond the
    largest contributor, so the attacker's own people never make up the numbers."""
    demo_pool.fill([2, 2, 2, 2, 2], first=2, later=3)  # 10 people, 8 beyond the largest
    refresh()
    assert published_cells() == []
    demo_pool.add(0, first=5, later=5)
    refresh()
    assert published_cells() == []


def test_a_withdrawal_hides_the_cell_and_differencing_releases_learns_nothing(demo_pool):
    people = demo_pool.fill(ENOUGH, first=2, later=4)
    refresh()
    first_release = everything_published()
    leaving = people[0]
    measurement_services.consent_withdraw(
        person=leaving, use="pooled", acting_user=demo_pool.leads[0]
    )
    refresh()
    # At the next refresh the person is out of every figure: the cell is hidden, not re-released
    # one person smaller (which would give their answers away by difference).
    assert published_cells() == []
    assert PooledCell.objects.get().figures is None
    assert everything_published() != first_release
    # It comes back only once enough others have changed that the two releases differ by a group.
    demo_pool.fill([0, 2, 2, 2, 2, 2], first=3, later=3)
    refresh()
    assert published_cells() == []  # 11 changed, but only 9 beyond the largest contributor
    demo_pool.fill([0, 1, 1, 1, 1, 1], first=3, later=3)
    refresh()
    [cell] = published_cells()
    assert cell["people"] == 30  # 14 + 15 = 29, rounded to 5


def test_many_withdrawals_cannot_leave_one_person_between_two_releases(demo_pool):
    """Release 1 counts S; release 2 adds a group A; if all of A but one then withdraw, a third
    release would differ from the first by one person. It is checked against every earlier
    release, so it is never made."""
    demo_pool.fill(ENOUGH, first=2, later=4)
    refresh()
    first = published_cells()
    group = demo_pool.fill([0, 3, 3, 3, 3, 3], first=5, later=5)
    refresh()
    assert published_cells() != first
    for person in group[1:]:
        measurement_services.consent_withdraw(
            person=person, use="pooled", acting_user=demo_pool.lead_of(person)
        )
    refresh()
    assert published_cells() == []


def test_a_small_organisation_leaving_cannot_be_differenced(demo_pool):
    """A service with one person in the cell stops taking part: the cell does not come back one
    person smaller, so that person's answers cannot be found by difference."""
    demo_pool.fill([3, 3, 3, 3, 3, 1])
    refresh()
    assert published_cells()
    small = demo_pool.organisations[5]
    small.shares_pooled_statistics = False
    small.save()
    refresh()
    assert published_cells() == []


def test_a_dominant_organisation_cannot_be_the_cell(demo_pool):
    """28 people from 5 services, 20 of them from one: the other 8 are too few to publish, or
    the largest service could take its own away and read the rest."""
    demo_pool.fill([20, 2, 2, 2, 2])
    refresh()
    assert published_cells() == []
    assert (
        "Not enough data yet"
        in everything_published()["/evidence/safety-from-any-trafficker-or-other-abuser/"]
    )


def test_fewer_than_five_organisations_publish_nothing(demo_pool):
    demo_pool.fill([10, 10, 10, 10])
    refresh()
    assert published_cells() == []


def test_a_figure_tied_to_one_organisation_is_not_shown(demo_pool):
    """Everyone has a baseline, but only one service's people have a later check-in: the change
    would describe that service alone, so the cell is shown without it."""
    demo_pool.fill([0, 3, 3, 3, 3], later=None)
    demo_pool.fill([12], later=4)
    refresh()
    [cell] = published_cells()
    assert cell["people"] == 25
    assert cell["change_mean"] is None
    assert cell["moved_up"] is None


def test_a_rare_nationality_changes_nothing_anyone_can_see(demo_pool):
    """The one Ruritanian in the pool: whether they are Ruritanian or not, everything published
    is the same, so nothing published is about them."""
    demo_pool.fill(ENOUGH)
    rare = demo_pool.add(1, nationality="Ruritanian", first=1, later=5)
    refresh()
    seen = everything_published()
    assert "Ruritanian" not in " ".join(seen.values())
    rare.nationality = "British"
    rare.save()
    refresh()
    assert everything_published() == seen


def test_people_who_did_not_agree_or_whose_service_does_not_take_part_are_not_counted(
    demo_pool,
):
    demo_pool.fill(ENOUGH)
    refresh()
    seen = everything_published()
    demo_pool.fill([3, 3, 3, 3, 3], pooled=False, first=5, later=1)
    outside = demo_pool.organisations[5]
    outside.shares_pooled_statistics = False
    outside.save()
    demo_pool.fill([0, 0, 0, 0, 0, 12], first=5, later=1)
    refresh()
    assert everything_published() == seen
