#!/usr/bin/env python
"""Reports the interface catalogues: untranslated and fuzzy entries in each language.

    .venv/bin/python bin/catalogues.py            # list what needs translating
    .venv/bin/python bin/catalogues.py --check    # the same, exit 1 if anything needs doing

`make messages` runs this after refreshing the catalogues from the source.
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "mscos" / "locale"


def needs_work(po: polib.POFile) -> list[tuple[str, polib.POEntry]]:
    found = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            found.append(("fuzzy", entry))
        elif not entry.translated():
            found.append(("untranslated", entry))
    return found


def main() -> int:
    total = 0
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        language = po_path.parts[-3]
        po = polib.pofile(str(po_path))
        pending = needs_work(po)
        total += len(pending)
        print(f"{language} {po_path.name}: {len(po)} messages, {len(pending)} to translate")
        for state, entry in pending:
            where = f" (was: {entry.previous_msgid!r})" if entry.previous_msgid else ""
            print(f"  [{state}] {entry.msgid!r}{where}")
    if total:
        print(f"\n{total} message(s) need a translator: edit the .po files above, remove the ")
        print("'fuzzy' flag once a translation is checked, then run `make messages` again.")
    return 1 if total and "--check" in sys.argv else 0


if __name__ == "__main__":
    sys.exit(main())
