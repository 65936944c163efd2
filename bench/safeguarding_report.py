"""The safeguarding detector's recall and false alarms per language (make safeguarding-report).

--show-tuning-errors lists the tuning examples it gets wrong, to improve the data; the held-out
examples are never listed, so they stay unseen by whoever tunes it.
"""

import argparse
import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mscos.settings.test")
django.setup()

from mscos.moderation.safeguarding.evaluation import PARTS, languages, measure  # noqa: E402

EVAL = Path(__file__).resolve().parent.parent / "tests" / "safeguarding" / "eval"
RECALL_BAR, FALSE_ALARM_BAR = 0.9, 0.1


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
    print(f"Bar on the held-out part: recall >= {RECALL_BAR}, false alarms <= {FALSE_ALARM_BAR}.")
    print("Everyday alarms: ordinary posts (greetings, questions, small talk) held as urgent.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
