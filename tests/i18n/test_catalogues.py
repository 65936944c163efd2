"""The interface catalogues are complete, current and compiled, in every language the site offers.

After another branch adds strings, `make messages` refreshes the catalogues and lists what needs
translating; these tests fail until a translator has done it (docs/translations.md).
"""

import os
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

REPO_ROOT = Path(__file__).resolve().parents[2]
LOCALE_DIR = REPO_ROOT / "mscos" / "locale"
TRANSLATED_LANGUAGES = [
    code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|</?[a-z]+[^>]*>")
# Must match MAKEMESSAGES_OPTIONS in the Makefile.
IGNORED = [".venv/*", "tests/*", "bench/*", "var/*", "test-artifacts/*", "node_modules/*"]


def catalogue(language: str, domain: str = "django") -> polib.POFile:
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"
    assert path.exists(), f"No {domain}.po for {language}: run `make messages`."
    return polib.pofile(str(path))


def keys(po: polib.POFile) -> set[tuple[str | None, str, str]]:
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in po if not e.obsolete and e.msgid}


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    po = catalogue(language)
    untranslated = [e.msgid for e in po.untranslated_entries() if not e.obsolete]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated and not fuzzy, (
        f"{language}: {len(untranslated)} untranslated, {len(fuzzy)} fuzzy. "
        f"Run `make messages` and translate them.\nUntranslated: {untranslated[:20]}\n"
        f"Fuzzy: {fuzzy[:20]}"
    )


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_translations_keep_every_placeholder_and_tag(language):
    po = catalogue(language)
    broken = []
    for entry in po.translated_entries():
        if entry.msgid_plural:
            allowed = set(PLACEHOLDER.findall(entry.msgid)) | set(
                PLACEHOLDER.findall(entry.msgid_plural)
            )
            for form in entry.msgstr_plural.values():
                if not set(PLACEHOLDER.findall(form)) <= allowed or not form.strip():
                    broken.append((entry.msgid, form))
        elif sorted(PLACEHOLDER.findall(entry.msgstr)) != sorted(PLACEHOLDER.findall(entry.msgid)):
            broken.append((entry.msgid, entry.msgstr))
    assert broken == [], f"{language}: placeholders differ from the English:\n{broken}"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(language):
    po = catalogue(language)
    mo_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"
    assert mo_path.exists(), f"{mo_path} is missing: run `make messages`."
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.mofile(mo_path)}
    stale = [
        e.msgid
        for e in po.translated_entries()
        if compiled.get((e.msgctxt, e.msgid)) != (e.msgstr, e.msgstr_plural)
    ]
    assert stale == [], f"{language}: django.mo is older than django.po; run `make messages`."


def test_all_languages_carry_the_same_messages():
    by_language = {language: keys(catalogue(language)) for language in TRANSLATED_LANGUAGES}
    first = TRANSLATED_LANGUAGES[0]
    for language, messages in by_language.items():
        assert messages == by_language[first], (
            f"{language} and {first} differ: {messages ^ by_language[first]}"
        )


def test_catalogues_are_current_with_the_source(tmp_path, monkeypatch):
    """makemessages run afresh into a temporary folder finds exactly the committed messages."""
    if shutil.which("xgettext") is None:
        message = "GNU gettext (xgettext) is needed to extract messages: apt-get install gettext"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    monkeypatch.chdir(REPO_ROOT)
    # makemessages writes beside any folder named "locale" it walks past; skipping the real one
    # sends the fresh catalogue to the temporary folder and leaves the committed ones alone.
    ignored = [*IGNORED, "mscos/locale"]
    with override_settings(LOCALE_PATHS=[tmp_path]):
        call_command(
            "makemessages",
            locale=["ro"],
            ignore_patterns=ignored,
            no_location=True,
            verbosity=0,
        )
        if (REPO_ROOT / "mscos" / "static" / "js").exists():
            call_command(
                "makemessages",
                locale=["ro"],
                domain="djangojs",
                ignore_patterns=ignored,
                no_location=True,
                verbosity=0,
            )
    fresh = keys(polib.pofile(str(tmp_path / "ro" / "LC_MESSAGES" / "django.po")))
    committed = keys(catalogue("ro"))
    missing = sorted(m[1] for m in fresh - committed)
    gone = sorted(m[1] for m in committed - fresh)
    assert not missing and not gone, (
        "The catalogues are out of date with the source: run `make messages` and translate.\n"
        f"New in the source: {missing}\nNo longer in the source: {gone}"
    )
    fresh_js = tmp_path / "ro" / "LC_MESSAGES" / "djangojs.po"
    if fresh_js.exists() and keys(polib.pofile(str(fresh_js))):
        assert keys(polib.pofile(str(fresh_js))) == keys(catalogue("ro", "djangojs"))
