"""The evaluation set is sound, the shipped model learned only from its training parts, and the
detector does not fall back below what it measured on the held-out part (make safeguarding-report
prints the figures against the bar)."""

from pathlib import Path

import pytest

from mscos.moderation.safeguarding import model
from mscos.moderation.safeguarding.evaluation import examples, languages, measure

EVAL = Path(__file__).parent / "eval"
LANGUAGES = ["ar", "en", "ro", "sq"]
# What the held-out part measured when the data last changed (docs/moderation.md has the table),
# less a little: a change that loses more than that is a step back for people in danger.
# (least recall, most false alarms); measured ar 0.931/0.113 (a fourth held-out set, written after
# the third was measured once and became training data), en 0.982/0.063, ro 0.980/0.090,
# sq 0.960/0.085 (en on a third held-out set, sq and ro on a second).
HELD_OUT_FLOOR = {"ar": (0.90, 0.13), "en": (0.93, 0.11), "ro": (0.93, 0.13), "sq": (0.91, 0.12)}


def test_every_site_language_has_an_evaluation_set():
    assert languages(EVAL) == LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_enough_examples_and_the_held_out_part_is_apart(language):
    parts = {
        (part, kind): examples(EVAL, language, part, kind)
        for part in ("tuning", "heldout")
        for kind in ("danger", "safe")
    }
    for kind in ("danger", "safe"):
        assert len(parts["tuning", kind]) + len(parts["heldout", kind]) >= 150
        assert len(parts["heldout", kind]) >= 100
    held_out = set(parts["heldout", "danger"]) | set(parts["heldout", "safe"])
    trained_on = {text for text, _ in model.training_examples(EVAL)}
    assert not held_out & trained_on
    assert not set(parts["heldout", "danger"]) & set(parts["heldout", "safe"])


def test_the_shipped_model_is_the_one_its_training_examples_make():
    shipped = model.shipped_model()
    fresh = model.train(model.training_examples(EVAL))
    assert shipped is not None
    assert shipped.bias == fresh.bias
    assert shipped.weights == fresh.weights, "run `make safeguarding-model` after changing examples"


@pytest.mark.parametrize("language", LANGUAGES)
def test_held_out_recall_and_false_alarms_do_not_fall_back(language):
    result, _missed, _alarms = measure(EVAL, language, "heldout")
    least_recall, most_false_alarms = HELD_OUT_FLOOR[language]
    assert result.recall >= least_recall
    assert result.false_alarm_rate <= most_false_alarms


@pytest.mark.parametrize("language", LANGUAGES)
def test_everyday_posts_are_almost_never_held_as_urgent(language):
    result, _missed, _alarms = measure(EVAL, language, "heldout")
    assert result.ordinary >= 99
    assert result.ordinary_alarm_rate <= 0.05  # measured 0.00-0.04
