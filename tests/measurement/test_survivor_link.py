"""The survivor's own one-time link (#20): made by the worker, answered with no account, dead
after one use or its hours, and the same answer for every link that does not work."""

import datetime
import re
import subprocess  # nosec B404 (a fixed program, our own temporary file)
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image
from wagtail.models import Locale

from mscos.core import page_cache
from mscos.measurement import services, survivor_services, tokens
from mscos.measurement.models import (
    DECLINED,
    AccessLogEntry,
    Answer,
    CheckIn,
    Indicator,
    SurvivorLink,
)
from mscos.outcomes.models import Domain, LongListOutcome
from tests.posters.tools import require

QUESTION = "How safe do you feel from the people who exploited you?"
ARABIC_QUESTION = "ما مدى شعورك بالأمان؟"
OBSERVED = "Has a safety plan written with their worker"


@pytest.fixture
def library(ws) -> tuple[Indicator, Indicator]:
    outcome = LongListOutcome.objects.create(
        domain=Domain.objects.create(name="Safety"), name="Safety from any abuser"
    )
    question = Indicator.objects.create(
        outcome=outcome,
        text=QUESTION,
        point_1="Not at all",
        point_2="A little",
        point_3="Mostly",
        point_4="Completely",
    )
    arabic = question.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.text = ARABIC_QUESTION
    arabic.point_1, arabic.point_2, arabic.point_3, arabic.point_4 = (
        "أبداً",
        "قليلاً",
        "غالباً",
        "تماماً",
    )
    arabic.save()
    observed = Indicator.objects.create(
        outcome=outcome, kind=Indicator.Kind.PRACTITIONER, text=OBSERVED, sort_order=2
    )
    return question, observed


@pytest.fixture(autouse=True)
def empty_page_cache(tmp_path, settings):
    settings.PAGE_CACHE_STAMP_FILE = tmp_path / "page-cache-generation"
    caches[page_cache.CACHE_ALIAS].clear()
    yield
    caches[page_cache.CACHE_ALIAS].clear()


def _link(ws, language: str = "en-gb") -> SurvivorLink:
    return survivor_services.survivor_link_create(
        check_in=ws.check_in, language=language, acting_user=ws.caseworker
    )


def _path(link_or_id, language: str = "en-gb") -> str:
    link_id = link_or_id if isinstance(link_or_id, int) else link_or_id.pk
    with translation.override(language):
        return reverse("survivor:check_in", args=[tokens.survivor_link_token(link_id)])


def _answers(question, answer: str = "3") -> dict:
    """A send as the survivor's form makes it, for the workspace's first check-in."""
    version = CheckIn.objects.order_by("pk").first().version
    return {f"survivor_{question.pk}": answer, "version": str(version)}


def _dead(response) -> tuple[int, bool]:
    return response.status_code, "This link no longer works" in response.content.decode()


@pytest.fixture
def answered_by_worker(ws, library) -> CheckIn:
    """The check-in as the worker left it in the session: their view, and one survivor answer."""
    question, observed = library
    return services.check_in_record(
        organisation=ws.organisation,
        person=ws.person,
        date=ws.check_in.date,
        kind=ws.check_in.kind,
        answers={question.pk: ("1", "2"), observed.pk: ("", "yes")},
        check_in=ws.check_in,
        expected_version=ws.check_in.version,
        acting_user=ws.caseworker,
    )


# The worker's side


def test_a_caseworker_makes_a_link_in_the_survivors_language_and_it_is_logged(ws, library):
    client = ws.client_for("caseworker")
    response = client.post(
        reverse("measurement:survivor_link_create", args=[ws.organisation.slug, ws.person.pk]),
        {"check_in": ws.check_in.pk, "language": "ar"},
    )
    link = SurvivorLink.objects.get()
    assert response.status_code == 302
    assert link.check_in == ws.check_in and link.language == "ar"
    hours = (link.expires_at - link.created_at).total_seconds() / 3600
    assert round(hours) == settings.MEASUREMENT_SURVIVOR_LINK_HOURS == 24
    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page
    prefix = re.escape(f"{settings.SITE_URL}/ar/my-check-in/")
    [token] = set(re.findall(prefix + r"([^/\"]+)/", page))
    assert tokens.survivor_link_id_from_token(token) == link.pk
    entry = AccessLogEntry.objects.filter(action=AccessLogEntry.Action.SURVIVOR_LINK).get()
    assert (entry.actor_id, entry.person_id) == (ws.caseworker.pk, ws.person.pk)


@pytest.mark.parametrize("who", ["outsider", "second_caseworker", "viewer"])
def test_nobody_else_makes_a_link_for_the_person(ws, library, who):
    response = ws.client_for(who).post(
        reverse("measurement:survivor_link_create", args=[ws.organisation.slug, ws.person.pk]),
        {"check_in": ws.check_in.pk, "language": "en-gb"},
    )
    assert response.status_code == 404
    assert not SurvivorLink.objects.exists()


def test_another_organisations_worker_cannot_use_their_own_workspace_for_our_check_in(ws):
    """The outsider names our check-in under their own organisation's person: not theirs."""
    response = ws.client_for("outsider").post(
        reverse(
            "measurement:survivor_link_create",
            args=[ws.other_organisation.slug, ws.outsider_person.pk],
        ),
        {"check_in": ws.check_in.pk, "language": "en-gb"},
    )
    assert response.status_code == 400
    assert not SurvivorLink.objects.exists()


def test_the_qr_code_decodes_to_the_link_at_the_sites_address(ws, library, tmp_path):
    link = _link(ws, "ro")
    page = (
        ws.client_for("caseworker")
        .get(
            reverse("measurement:survivor_link", args=[ws.organisation.slug, ws.person.pk, link.pk])
        )
        .content.decode()
    )
    svg = re.search(r"<svg[^>]*viewBox=\"0 0 (\d+) \1\".*?</svg>", page, re.S)
    assert svg is not None
    modules = int(svg.group(1))
    scale = 8
    picture = Image.new("L", (modules * scale, modules * scale), 255)
    for x, y in re.findall(r"M(\d+) (\d+)h1v1h-1z", svg.group(0)):
        picture.paste(
            0, (int(x) * scale, int(y) * scale, (int(x) + 1) * scale, (int(y) + 1) * scale)
        )
    png = tmp_path / "qr.png"
    picture.save(png)
    zbarimg = require("zbarimg", "zbar-tools")
    decoded = subprocess.run(  # noqa: S603  # nosec B603
        [zbarimg, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout.split()
    [address] = decoded
    prefix = f"{settings.SITE_URL}/ro/my-check-in/"
    assert address.startswith(prefix)
    assert tokens.survivor_link_id_from_token(address[len(prefix) :].strip("/")) == link.pk


def test_a_new_link_for_the_check_in_stops_the_earlier_one(ws, library):
    earlier = _link(ws)
    _link(ws)
    assert _dead(Client().get(_path(earlier))) == (404, True)


# The survivor's side


def test_the_survivor_sees_only_their_questions_with_nothing_that_identifies_them(ws, library):
    response = Client().get(_path(_link(ws)))
    page = response.content.decode()
    assert response.status_code == 200
    assert QUESTION in page and "I&#x27;d rather not say" in page and "Skip this question" in page
    assert OBSERVED not in page
    for identifying in ("SH-001", "Safe Harbour", "safe-harbour", "Casey"):
        assert identifying not in page


def test_the_survivor_page_sets_no_cookie_is_never_kept_and_loads_nothing_from_elsewhere(
    ws, library
):
    path = _path(_link(ws))
    first, second = Client().get(path), Client().get(path)
    assert first.cookies == {} and second.cookies == {}
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]
    assert second.get("X-Page-Cache") != "hit"
    assert first["Referrer-Policy"] == "no-referrer"
    assert first["X-Robots-Tag"] == "noindex, nofollow"
    page = first.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in page
    site = urlsplit(settings.SITE_URL).netloc
    for address in re.findall(r'(?:src|href|action)="([^"]+)"', page):
        host = urlsplit(address).netloc
        assert host in ("", site), address
    # Sending sets no cookie either.
    sent = Client().post(path, _answers(library[0]))
    assert sent.status_code == 200 and sent.cookies == {}


def test_the_survivors_answers_go_into_their_part_only(ws, library, answered_by_worker):
    question, observed = library
    before = answered_by_worker.version
    response = Client().post(_path(_link(ws)), _answers(question, "4"))
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    answers = {a.indicator_id: a for a in Answer.objects.filter(check_in=ws.check_in)}
    assert (answers[question.pk].survivor_answer, answers[question.pk].practitioner_answer) == (
        "4",
        "2",
    )
    assert answers[observed.pk].practitioner_answer == "yes"
    assert CheckIn.objects.get().version == before + 1
    entry = AccessLogEntry.objects.filter(action=AccessLogEntry.Action.SURVIVOR_ANSWER).get()
    assert (entry.actor_id, entry.person_id) == (None, ws.person.pk)


def test_rather_not_say_is_saved_and_a_skipped_question_keeps_its_answer(
    ws, library, answered_by_worker
):
    question, _observed = library
    Client().post(_path(_link(ws)), _answers(question, DECLINED))
    assert Answer.objects.get(indicator=question).survivor_answer == DECLINED
    other = _link(ws)
    Client().post(_path(other), _answers(question, ""))
    assert Answer.objects.get(indicator=question).survivor_answer == DECLINED


@pytest.mark.parametrize("answer", ["5", "0", "yes", "99"])
def test_an_answer_off_the_scale_is_refused_and_nothing_is_saved(ws, library, answer):
    question, _observed = library
    link = _link(ws)
    response = Client().post(_path(link), _answers(question, answer))
    assert response.status_code == 400
    assert "Please check the form" in response.content.decode()
    assert not Answer.objects.exists()
    link.refresh_from_db()
    assert link.used_at is None  # the survivor can still answer


def test_a_practitioner_question_cannot_be_slipped_in(ws, library):
    question, observed = library
    response = Client().post(
        _path(_link(ws)), {**_answers(question), f"practitioner_{observed.pk}": "no"}
    )
    assert response.status_code == 200
    assert not Answer.objects.filter(indicator=observed).exists()


def test_the_survivors_answers_are_refused_by_the_service_for_a_practitioner_question(ws, library):
    _question, observed = library
    link = _link(ws)
    with pytest.raises(Exception, match="not in this check-in"):
        survivor_services.survivor_answers_record(
            token=tokens.survivor_link_token(link.pk),
            answers={observed.pk: "yes"},
            expected_version=ws.check_in.version,
        )
    assert not Answer.objects.exists()


def test_the_survivors_language_is_used(ws, library):
    response = Client().get(_path(_link(ws, "ar"), "ar"))
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page
    assert ARABIC_QUESTION in page and QUESTION not in page


# The attacks: every link that does not work gets the same answer


def test_a_link_used_twice_works_once(ws, library):
    question, _observed = library
    path = _path(_link(ws))
    assert Client().post(path, _answers(question, "2")).status_code == 200
    assert _dead(Client().post(path, _answers(question, "4"))) == (404, True)
    assert _dead(Client().get(path)) == (404, True)
    assert Answer.objects.get().survivor_answer == "2"


def test_a_link_after_its_hours_is_dead(ws, library):
    question, _observed = library
    link = _link(ws)
    past = timezone.now() - datetime.timedelta(hours=settings.MEASUREMENT_SURVIVOR_LINK_HOURS)
    SurvivorLink.objects.filter(pk=link.pk).update(
        created_at=past - datetime.timedelta(minutes=1), expires_at=past
    )
    assert _dead(Client().get(_path(link))) == (404, True)
    assert _dead(Client().post(_path(link), _answers(question))) == (404, True)
    assert not Answer.objects.exists()


def test_tampered_unknown_and_forged_tokens_get_the_same_answer(ws, library):
    question, _observed = library
    link = _link(ws)
    good = tokens.survivor_link_token(link.pk)
    # Person B's check-in, reached by forging a token with another id: without the key, the
    # signature cannot be made, whatever id it names.
    second_check_in = services.check_in_record(
        organisation=ws.organisation,
        person=ws.second_person,
        date=ws.check_in.date,
        kind=CheckIn.Kind.BASELINE,
        answers={},
        acting_user=ws.second_caseworker,
    )
    other = SurvivorLink.objects.create(
        check_in=second_check_in, language="en-gb", expires_at=link.expires_at
    )
    # dumps() gives "value:timestamp:signature"; the value is the id, base64-encoded JSON.
    _value, timestamp, signature = good.split(":")
    forged_value = signing.b64_encode(str(other.pk).encode()).decode()
    candidates = [
        good[:-1] + ("A" if good[-1] != "A" else "B"),  # one character changed
        f"{forged_value}:{timestamp}:{signature}",  # another id under this link's signature
        signing.dumps(other.pk, salt="mscos.measurement.invitation"),  # another kind's token
        signing.dumps(other.pk, salt="mscos.measurement.survivor-link", key="not-the-key"),
        "nothing-at-all",
    ]
    answers = []
    for token in candidates:
        path = reverse("survivor:check_in", args=[token])
        answers.append(_dead(Client().get(path)))
        answers.append(_dead(Client().post(path, _answers(question))))
    assert set(answers) == {(404, True)}
    assert not Answer.objects.exists()
    used = Client().get(_path(link))
    assert used.status_code == 200  # the real link still works


def test_the_dead_link_page_is_the_same_for_a_used_and_an_unknown_link(ws, library):
    question, _observed = library
    path = _path(_link(ws))
    Client().post(path, _answers(question))
    used = Client().get(path)
    unknown = Client().get(reverse("survivor:check_in", args=["unknown"]))
    assert used.status_code == unknown.status_code == 404
    # Word for word the same, but for the address itself (in the language links).
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert used.content.replace(token.encode(), b"unknown") == unknown.content
    assert "08000 121 700" in used.content.decode()  # the helpline


def test_erasing_the_person_deletes_their_links(ws, library):
    path = _path(_link(ws))
    services.consent_withdraw(person=ws.person, use="record", acting_user=ws.caseworker)
    assert not SurvivorLink.objects.exists()
    assert _dead(Client().get(path)) == (404, True)


def test_a_save_by_the_worker_while_the_survivor_answers_asks_the_survivor_to_send_again(
    ws, library
):
    question, _observed = library
    link = _link(ws)
    opened = _answers(question, "3")
    services.check_in_record(
        organisation=ws.organisation,
        person=ws.person,
        date=ws.check_in.date,
        kind=ws.check_in.kind,
        answers={},
        check_in=ws.check_in,
        expected_version=ws.check_in.version,
        acting_user=ws.caseworker,
    )
    response = Client().post(_path(link), opened)
    assert response.status_code == 409
    assert "Please send your answers again" in response.content.decode()
    link.refresh_from_db()
    assert link.used_at is None and not Answer.objects.exists()
    again = Client().post(_path(link), {**opened, "version": str(CheckIn.objects.get().version)})
    assert again.status_code == 200 and Answer.objects.get().survivor_answer == "3"


def test_after_sending_the_survivor_sees_their_own_journey(ws, library, answered_by_worker):
    question, _observed = library
    services.check_in_record(
        organisation=ws.organisation,
        person=ws.person,
        date=timezone.localdate(),
        kind=CheckIn.Kind.REVIEW,
        answers={},
        acting_user=ws.caseworker,
    )
    review = CheckIn.objects.get(kind=CheckIn.Kind.REVIEW)
    link = survivor_services.survivor_link_create(
        check_in=review, language="en-gb", acting_user=ws.caseworker
    )
    page = (
        Client()
        .post(_path(link), {f"survivor_{question.pk}": "4", "version": str(review.version)})
        .content.decode()
    )
    assert "Your journey so far" in page
    # First check-in: the survivor said 1 of 4 (0); now 4 of 4 (100). Never the practitioner's.
    assert re.search(r'data-when="first">0<', page) and re.search(r'data-when="latest">100<', page)
    assert "SH-001" not in page
