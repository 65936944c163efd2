"""Write the site's own interface text as ordinary, safe training examples for the danger detector.

The detector's model learns what ordinary text looks like from these (tests/safeguarding/eval/
<code>/interface_safe.txt): without them it took short everyday phrases ("Please be kind") for
danger. Run after the catalogues change, then `make safeguarding-model`.
"""

import hashlib
import re
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "safeguarding" / "eval"
PER_LANGUAGE = 400
HEADER = (
    "# The site's own interface text, as ordinary safe examples "
    "(bin/safeguarding-interface-examples.py).\n"
)


def cleaned(text: str) -> str:
    text = re.sub(r"%\(\w+\)[sd]|%[sd]|\{[^}]*\}|<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def chosen(strings: list[str]) -> list[str]:
    unique = {s for s in map(cleaned, strings) if len(s.split()) >= 2 and len(s) <= 300}
    # A fixed sample, the same on every run, so the model does not change without a reason.
    return sorted(unique, key=lambda s: hashlib.sha256(s.encode()).hexdigest())[:PER_LANGUAGE]


def main() -> None:
    catalogue = polib.pofile(str(ROOT / "mscos/locale/ro/LC_MESSAGES/django.po"))
    texts = {"en": [entry.msgid for entry in catalogue if not entry.obsolete]}
    for code in ("ro", "sq", "ar"):
        catalogue = polib.pofile(str(ROOT / f"mscos/locale/{code}/LC_MESSAGES/django.po"))
        texts[code] = [e.msgstr for e in catalogue if e.msgstr and not e.fuzzy and not e.obsolete]
    for code, strings in texts.items():
        lines = chosen(strings)
        (EVAL / code / "interface_safe.txt").write_text(HEADER + "\n".join(lines) + "\n")
        print(code, len(lines))


if __name__ == "__main__":
    main()
