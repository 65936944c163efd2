"""Attacks on the posting forms: a replayed start time, and preview as a way round every limit."""

import re
import time
from types import SimpleNamespace

import pytest
from django.test import Client

from mscos.forum.models import Post
from mscos.safety import bot_check
from tests.bot_check import started_long_ago
from tests.forum.conftest import form_data

OUT_OF_DATE = "This form is out of date"


def _fresh_start(html: str) -> str:
    return re.search(r'name="started" value="([^"]+)"', html).group(1)


def _later(monkeypatch, seconds: float) -> None:
    then = time.time() + seconds
    monkeypatch.setattr(bot_check, "time", SimpleNamespace(time=lambda: then))


def test_one_start_time_waited_out_once_sends_one_post_not_many(topic, monkeypatch):
    guest = Client()
    waited_out = started_long_ago()
    url = f"/forums/t/{topic.pk}/reply/"
    first = guest.post(url, form_data(body="First", understood="on", started=waited_out))
    assert first.status_code == 200 and "guest" in first.text.lower()
    replay = guest.post(url, form_data(body="Replayed words", understood="on", started=waited_out))
    assert OUT_OF_DATE in replay.text
    assert "Replayed words" in replay.text  # the text is handed back
    assert not Post.objects.filter(body="Replayed words").exists()
    # The form came back with a start time of its own: a person sending it again gets through.
    _later(monkeypatch, 10)
    resent = guest.post(
        url, form_data(body="Replayed words", understood="on", started=_fresh_start(replay.text))
    )
    assert OUT_OF_DATE not in resent.text
    assert Post.objects.filter(body="Replayed words").count() == 1


def test_a_start_time_used_on_one_form_is_refused_on_another(topic, open_category):
    guest = Client()
    token = started_long_ago()
    guest.post(
        f"/forums/t/{topic.pk}/reply/", form_data(body="One", understood="on", started=token)
    )
    other = guest.post(
        f"/forums/{open_category.slug}/new/",
        form_data(title="Another", body="Two", understood="on", started=token),
    )
    assert OUT_OF_DATE in other.text
    assert not Post.objects.filter(body="Two").exists()


def test_start_times_expire_in_hours_not_a_day(topic, settings):
    settings.BOT_CHECK_MAX_AGE_HOURS = 6
    guest = Client()
    url = f"/forums/t/{topic.pk}/reply/"
    old = guest.post(
        url, form_data(body="Left open", understood="on", started=started_long_ago(7 * 3600))
    )
    assert OUT_OF_DATE in old.text and "Left open" in old.text
    within = guest.post(
        url, form_data(body="Written slowly", understood="on", started=started_long_ago(5 * 3600))
    )
    assert OUT_OF_DATE not in within.text
    assert Post.objects.filter(body="Written slowly").exists()


@pytest.mark.parametrize("value", ["", "garbage", "1234.5"])
def test_a_start_time_of_another_shape_is_out_of_date(topic, value):
    from django.core import signing

    forged = signing.dumps(time.time() - 60, salt=bot_check._SALT) if value == "1234.5" else value
    response = Client().post(
        f"/forums/t/{topic.pk}/reply/", form_data(body="Hello", understood="on", started=forged)
    )
    assert OUT_OF_DATE in response.text


# --- preview: bounded exactly like sending ------------------------------------------------------

ONE_MB_TABLE = "| a | b |\n|---|---|\n" + "| x | y |\n" * 100_000


def test_a_guests_one_megabyte_table_preview_is_refused_and_the_text_handed_back(topic):
    response = Client().post(
        f"/forums/t/{topic.pk}/reply/", form_data(body=ONE_MB_TABLE, preview="1")
    )
    assert "Preview: not sent yet" not in response.text
    assert "Please keep a post under 20000 characters." in response.text
    assert "| x | y |" in response.text  # nothing lost: the text is in the form
    assert "<table>" not in response.text


def test_a_table_within_the_length_but_past_the_structure_bound_is_refused_kindly(topic):
    many_cells = "|a|b|\n|-|-|\n" + "|x|y|\n" * 1_000  # 6 kB, 3,000 cells
    assert len(many_cells) < 20_000
    response = Client().post(
        f"/forums/t/{topic.pk}/reply/", form_data(body=many_cells, preview="1")
    )
    assert "more formatting than the forum can show" in response.text
    assert "Preview: not sent yet" not in response.text and "|x|y|" in response.text
    sent = Client().post(
        f"/forums/t/{topic.pk}/reply/", form_data(body=many_cells, understood="on")
    )
    assert "more formatting than the forum can show" in sent.text
    assert not Post.objects.filter(body__startswith="|a|b|").exists()


def test_a_preview_without_the_bot_check_is_refused(topic):
    response = Client().post(
        f"/forums/t/{topic.pk}/reply/",
        {"body": "Hello **there**", "preview": "1", "content_note": "", "website": ""},
    )
    assert OUT_OF_DATE in response.text
    assert "<strong>there</strong>" not in response.text
    assert "Hello **there**" in response.text


def test_previews_are_rate_limited_like_posts(topic):
    from mscos.forum.views import PREVIEWS_PER_WINDOW

    guest = Client()
    url = f"/forums/t/{topic.pk}/reply/"
    for _ in range(PREVIEWS_PER_WINDOW):
        shown = guest.post(url, form_data(body="Draft **words**", preview="1"))
        assert "<strong>words</strong>" in shown.text
    refused = guest.post(url, form_data(body="Draft **words**", preview="1"))
    assert "previewed a lot" in refused.text and "Draft **words**" in refused.text
    assert "<strong>words</strong>" not in refused.text


def test_a_first_post_preview_does_not_ask_for_the_understanding_yet(client, member, topic):
    client.force_login(member)
    response = client.post(f"/forums/t/{topic.pk}/reply/", form_data(body="Hi *you*", preview="1"))
    assert "<em>you</em>" in response.text
    assert "This field is required." not in response.text
