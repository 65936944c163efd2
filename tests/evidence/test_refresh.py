"""The refresh itself: the shortcuts it takes agree with the dashboards' measures, a quiet night
writes nothing, and a change no figure uses is not a change."""

import datetime
import random

import pytest

from mscos.evidence import disclosure, services
from mscos.evidence.models import EvidenceRefresh, PooledRelease
from mscos.measurement import measures
from mscos.measurement.models import Answer, CheckIn
from tests.evidence.conftest import refresh

ENOUGH = [3, 3, 3, 3, 3]


@pytest.fixture(autouse=True)
def rules(settings):
    settings.EVIDENCE_MIN_CELL = 10
    settings.EVIDENCE_MIN_ORGANISATIONS = 5


def _random_readings(rng: random.Random) -> list[measures.Reading]:
    readings = []
    day = datetime.date(2026, 1, 1)
    for n in range(rng.randint(1, 5)):
        survivor = rng.choice([None, 0.0, 25.0, 50.0, 100.0])
        practitioner = rng.choice([None, 25.0, 75.0])
        readings.append(
            measures.Reading(
                check_in_id=n + 1,
                date=day + datetime.timedelta(days=30 * n),
                kind="baseline" if n == 0 and rng.random() < 0.8 else "review",
                survivor=survivor,
                practitioner=practitioner,
                gap=None if survivor is None or practitioner is None else survivor - practitioner,
            )
        )
    return readings


def test_the_few_readings_kept_give_the_same_measures_and_the_same_figures_counting():
    rng = random.Random(21)
    for _ in range(2000):
        people = {person: _random_readings(rng) for person in range(12)}
        essential = {p: services.essential_readings(r) for p, r in people.items()}
        assert measures.measures_for_outcome(1, essential) == measures.measures_for_outcome(
            1, people
        )
        for readings in people.values():
            alone = measures.measures_for_outcome(1, {0: readings})
            expected = "".join(
                letter
                for letter, count in (
                    (disclosure.PEOPLE, alone.people),
                    (disclosure.BASELINE, alone.with_baseline),
                    (disclosure.PAIRED, alone.paired),
                    (disclosure.GAP, alone.gap.people),
                )
                if count
            )
            assert services.figures_counting(services.essential_readings(readings)) == expected


def test_a_quiet_night_releases_nothing_and_keeps_every_cell(pool):
    pool.fill(ENOUGH)
    first = refresh()
    assert (first.cells_released, first.cells_kept) == (1, 0)
    quiet = refresh()
    assert (quiet.cells_released, quiet.cells_hidden, quiet.cells_kept) == (0, 0, 1)
    assert PooledRelease.objects.count() == 1
    assert EvidenceRefresh.objects.filter(finished_at__isnull=False).count() == 2


def test_an_edit_no_figure_uses_is_not_a_change(pool):
    """A middle review's answers change; the first and latest stay: nothing is re-released and
    nobody counts as changed."""
    people = pool.fill(ENOUGH)
    for person in people:
        pool.check_in(person, datetime.date(2026, 2, 20), CheckIn.Kind.REVIEW, 3)
    refresh()
    Answer.objects.filter(check_in__date=datetime.date(2026, 2, 20)).update(survivor_answer="1")
    assert refresh().cells_released == 0


def test_the_scheduler_runs_the_refresh_every_night():
    from mscos.core.scheduling import registered_jobs
    from mscos.evidence import tasks

    job = registered_jobs()["evidence.refresh_pooled_evidence"]
    assert job.every == datetime.timedelta(hours=24)
    assert job.task.module_path == tasks.refresh_pooled_evidence.module_path


def test_the_task_refreshes(pool):
    from mscos.evidence import tasks

    pool.fill(ENOUGH)
    assert tasks.refresh_pooled_evidence.call() == 1
