"""The safeguarding detector's recall and false alarms per language (make safeguarding-report).

--show-tuning-errors lists the tuning examples it gets wrong, to improve the data; the held-out
examples are never listed, so they stay unseen by whoever tunes it.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mscos.settings.test")
django.setup()

from django.conf import settings  # noqa: E402

from mscos.moderation.safeguarding.detector import assess  # noqa: E402
from mscos.moderation.safeguarding.evaluation import (  # noqa: E402
    PARTS,
    examples,
    languages,
    measure,
)

EVAL = Path(__file__).resolve().parent.parent / "tests" / "safeguarding" / "eval"
RECALL_BAR, FALSE_ALARM_BAR = 0.9, 0.1
LONG_POST_BAR_MS, LONG_POST_PASSES = 50.0, 7


def longest_post_ms(language: str) -> tuple[int, float]:
    """CPU milliseconds (median of several passes) to screen a post of the longest length
    allowed, made of the language's hard safe examples joined into sentences."""
    texts = [
        text
        for part in PARTS
        for kind in ("safe", "danger")
        for text in examples(EVAL, language, part, kind)
    ]
    random.Random(1).shuffle(texts)
    post = ". ".join(texts)[: settings.FORUM_MAX_POST_LENGTH]
    timings = []
    for _ in range(LONG_POST_PASSES):
        started = time.process_time()
        assess(post)
        timings.append((time.process_time() - started) * 1000)
    return len(post), statistics.median(timings)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show-tuning-errors", action="store_true")
    parser.add_argument("--language", action="append")
    arguments = parser.parse_args()
    print(
        f"{'language':8} {'part':8} {'danger':>6} {'safe':>5} {'recall':>7} {'false alarms':>13} "
        f"{'slowest ms':>10} {'everyday alarms':>15}  bar"
    )
    failed = False
    for language in arguments.language or languages(EVAL):
        for part in PARTS:
            result, missed, alarms = measure(EVAL, language, part)
            meets = result.recall >= RECALL_BAR and result.false_alarm_rate <= FALSE_ALARM_BAR
            everyday = f"{result.ordinary_alarms}/{result.ordinary}" if result.ordinary else "-"
            if part == "heldout" and not meets:
                failed = True
            print(
                f"{language:8} {part:8} {result.danger:6} {result.safe:5} {result.recall:7.3f} "
                f"{result.false_alarm_rate:13.3f} {result.slowest_ms:10.2f} "
                f"{everyday:>15}  "
                f"{'met' if meets else 'MISSED'}"
            )
            if part == "tuning" and arguments.show_tuning_errors:
                for text in missed:
                    print(f"    missed: {text}")
                for text in alarms:
                    print(f"    false alarm: {text}")
    print()
    print(f"{'language':8} {'longest post':>12} {'CPU ms (median)':>16}")
    for language in arguments.language or languages(EVAL):
        length, milliseconds = longest_post_ms(language)
        print(f"{language:8} {length:12} {milliseconds:16.1f}")
    print(f"Bar on the held-out part: recall >= {RECALL_BAR}, false alarms <= {FALSE_ALARM_BAR}.")
    print(
        f"Longest post: characters of danger and safe examples; aim {LONG_POST_BAR_MS:.0f} ms "
        "on one core (CPU time of this process, so other load on the machine counts less)."
    )
    print("Everyday alarms: ordinary posts (greetings, questions, small talk) held as urgent.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
