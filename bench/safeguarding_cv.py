"""Cross-validated figures for one language's training examples (for whoever improves the data).

The shipped model has seen every training example, so its figures on them flatter it. Here each
language's training examples are split into folds; the model is trained without a fold (and with
every other language's examples) and the whole detector is measured on that fold. The held-out
files (heldout_*) are never read.

    .venv/bin/python bench/safeguarding_cv.py --language ar [--folds 5] [--show-errors]
"""

import argparse
import os
import random
import sys
from pathlib import Path
from unittest import mock

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mscos.settings.test")
django.setup()

from mscos.moderation.safeguarding import detector, model  # noqa: E402

EVAL = Path(__file__).resolve().parent.parent / "tests" / "safeguarding" / "eval"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", required=True)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--show-errors", action="store_true")
    arguments = parser.parse_args()
    everything = model.training_examples(EVAL)
    own = model.training_examples_of(EVAL / arguments.language)
    shuffled = own[:]
    random.Random(0).shuffle(shuffled)  # a repeatable split # nosec B311
    found = danger = alarms = safe = 0
    errors: list[str] = []
    for fold in range(arguments.folds):
        held = shuffled[fold :: arguments.folds]
        held_set = set(held)
        trained = model.train([example for example in everything if example not in held_set])
        with mock.patch.object(detector, "shipped_model", return_value=trained):
            for text, label in held:
                urgent = detector.assess(text).urgent
                if label:
                    danger += 1
                    found += urgent
                    if not urgent:
                        errors.append(f"missed: {text}")
                else:
                    safe += 1
                    alarms += urgent
                    if urgent:
                        errors.append(f"false alarm: {text}")
    print(
        f"{arguments.language}: {arguments.folds}-fold, {danger} danger, {safe} safe: "
        f"recall {found / max(danger, 1):.3f}, false alarms {alarms / max(safe, 1):.3f}"
    )
    if arguments.show_errors:
        print("\n".join(sorted(errors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
