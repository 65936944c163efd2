"""Notes are unreadable without the key: not in a database dump, not in the SQLite file."""

import io
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from mscos.measurement import encryption, services
from mscos.measurement.models import Note

SECRET_WORDS = "lighthouse-marmalade whispered on Tuesday"


def _add_note_through_the_page(ws) -> None:
    response = ws.client_for("caseworker").post(
        reverse("measurement:note_add", args=[ws.organisation.slug, ws.person.pk]),
        {"text": SECRET_WORDS},
    )
    assert response.status_code == 302


def test_a_note_is_not_in_a_database_dump_but_is_on_the_page(ws):
    _add_note_through_the_page(ws)
    dump = io.StringIO()
    call_command("dumpdata", "measurement", stdout=dump)
    assert "lighthouse-marmalade" not in dump.getvalue()
    assert Note.objects.count() == 1

    page = ws.client_for("caseworker").get(
        reverse("measurement:person", args=[ws.organisation.slug, ws.person.pk])
    )
    assert SECRET_WORDS in page.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_note_is_not_in_the_sqlite_file(ws, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the file is SQLite's; PostgreSQL is covered by the dump test")
    _add_note_through_the_page(ws)
    copy = tmp_path / "copy.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(copy)])
    raw = Path(copy).read_bytes()
    assert b"lighthouse-marmalade" not in raw
    assert b"SH-001" in raw  # the file is readable: the note alone is hidden


def test_notes_are_not_in_the_list_or_the_export(ws):
    _add_note_through_the_page(ws)
    lead = ws.client_for("lead")
    listing = lead.get(reverse("measurement:workspace", args=[ws.organisation.slug]))
    assert "SH-001" in listing.content.decode()
    assert "lighthouse" not in listing.content.decode()
    export = lead.post(reverse("measurement:people_export", args=[ws.organisation.slug]))
    assert export.status_code == 200
    assert "SH-001" in export.content.decode("utf-8-sig")
    assert "lighthouse" not in export.content.decode("utf-8-sig")


def test_rotating_keys_keeps_notes_readable_and_drops_the_old_key(ws, settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.MEASUREMENT_NOTE_KEYS = [old]
    note = services.note_add(person=ws.person, text=SECRET_WORDS, acting_user=ws.caseworker)
    before = note.ciphertext

    settings.MEASUREMENT_NOTE_KEYS = [new, old]
    out = io.StringIO()
    call_command("rotate_note_keys", stdout=out)
    assert "1 notes" in out.getvalue()
    note.refresh_from_db()
    assert note.ciphertext != before

    settings.MEASUREMENT_NOTE_KEYS = [new]
    assert encryption.decrypt(note.ciphertext) == SECRET_WORDS
    settings.MEASUREMENT_NOTE_KEYS = [old]
    with pytest.raises(encryption.NoteUnreadable):
        encryption.decrypt(note.ciphertext)


def test_a_note_under_a_removed_key_says_so_instead_of_failing(ws, settings):
    settings.MEASUREMENT_NOTE_KEYS = [Fernet.generate_key().decode()]
    services.note_add(person=ws.person, text=SECRET_WORDS, acting_user=ws.caseworker)
    settings.MEASUREMENT_NOTE_KEYS = [Fernet.generate_key().decode()]
    page = ws.client_for("caseworker").get(
        reverse("measurement:person", args=[ws.organisation.slug, ws.person.pk])
    )
    assert page.status_code == 200
    assert "cannot be read" in page.content.decode()


def test_without_configured_keys_one_is_generated_into_a_private_file(settings, tmp_path):
    settings.MEASUREMENT_NOTE_KEYS = []
    settings.MEASUREMENT_NOTE_KEY_FILE = tmp_path / "keys" / "note-keys"
    token = encryption.encrypt("hello")
    assert settings.MEASUREMENT_NOTE_KEY_FILE.stat().st_mode & 0o777 == 0o600
    assert encryption.decrypt(token) == "hello"


def test_a_note_that_cannot_be_saved_comes_back_with_its_words_and_the_reason(ws):
    url = reverse("measurement:note_add", args=[ws.organisation.slug, ws.person.pk])
    too_long = "They asked about housing again. " * 200  # over the 5,000 letters
    response = ws.client_for("caseworker").post(url, {"text": too_long})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert too_long.strip()[:200] in html  # what was typed is still in the box
    assert ws.person.notes.count() == 0
    empty = ws.client_for("caseworker").post(url, {"text": ""})
    assert empty.status_code == 400 and 'class="error-summary"' in empty.content.decode()
    assert ws.person.notes.count() == 0
