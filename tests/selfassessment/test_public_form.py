"""The public self-assessment: no account, no cookie; bad input, bots, floods and forged posts
change nothing; a good one gives a private report link that expires."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from mscos.selfassessment import services
from mscos.selfassessment.models import Assessment, OutcomeAnswer
from tests.selfassessment.conftest import answers_for

pytestmark = pytest.mark.django_db


def test_the_form_asks_about_every_core_outcome_and_sets_no_cookie(client, outcomes):
    response = client.get("/self-assessment/")
    assert response.status_code == 200
    assert len(outcomes) == 7
    for outcome in outcomes:
        assert f'id="outcome-{outcome.pk}"' in response.text
        assert outcome.title in response.text
    assert response.text.count('<fieldset class="assessment__outcome"') == 8  # and the service's
    assert "Please do not write names of people or services" in response.text
    assert "csrfmiddlewaretoken" not in response.text
    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers


def test_a_good_assessment_is_kept_and_its_report_opens_by_a_private_link(send, client, outcomes):
    response = send(o2={"measured": "none", "barriers": ["time", "not_safe"], "helps": ["tool"]})
    assert response.status_code == 303
    assert response.cookies == {}
    report_path = response["Location"]
    assert report_path.startswith("/self-assessment/report/")
    token = report_path.rstrip("/").rsplit("/", 1)[1]
    assessment = Assessment.objects.get()
    # Only a hash of the link's secret is kept.
    assert token not in assessment.token_hash and len(token) >= 40
    assert assessment.organisation is None and assessment.made_by is None
    assert assessment.expires_at - assessment.created_at == datetime.timedelta(
        days=settings.SELF_ASSESSMENT_REPORT_DAYS
    )
    assert OutcomeAnswer.objects.filter(assessment=assessment).count() == 7
    second = OutcomeAnswer.objects.get(assessment=assessment, outcome__number=2)
    assert (second.measured, second.barriers, second.helps) == (
        "none",
        ["time", "not_safe"],
        ["tool"],
    )

    report = Client().get(report_path)
    assert report.status_code == 200
    assert report.cookies == {}
    assert "1 of the 7 outcomes has a gap" in report.text
    assert "Not enough staff time" in report.text
    assert "no-store" in report["Cache-Control"]
    assert Client().get(report_path + "pdf/")["X-Robots-Tag"] == "noindex, nofollow"
    assert report["X-Robots-Tag"] == "noindex, nofollow"


def test_a_wrong_or_expired_report_link_finds_nothing(send, client):
    token = send()["Location"].rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"/self-assessment/report/{token[:-1]}x/").status_code == 404
    Assessment.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(f"/self-assessment/report/{token}/").status_code == 404
    assert client.get(f"/self-assessment/report/{token}/pdf/").status_code == 404


def test_expired_assessments_lose_their_words_and_link_but_keep_their_choices(send, client):
    send(o1={"measured": "informal", "barrier_other": "Our intake form is long"})
    Assessment.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert services.expired_assessments_erase() == 1
    assessment = Assessment.objects.get()
    assert assessment.token_hash is None
    answer = assessment.answers.get(outcome__number=1)
    assert (answer.measured, answer.barrier_other, answer.tool) == ("informal", "", "")


def test_a_missing_answer_gets_a_friendly_message_and_nothing_is_saved(send, outcomes):
    data = answers_for(outcomes)
    del data[f"outcome{outcomes[3].pk}_measured"]
    response = send(data)
    assert response.status_code == 400
    assert "Please choose how you measure this outcome, even if not at all." in response.text
    assert 'class="error-summary"' in response.text
    assert not Assessment.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"measured": "tool", "tool": ""}, "Please say which tool you use"),
        ({"measured": "none", "barrier_other": "Call Sam on 07700 900123"}, "leave out email"),
        ({"measured": "none", "help_other": "write to sam@example.org"}, "leave out email"),
        ({"measured": "sometimes"}, "Select a valid choice"),
        ({"measured": "none", "barriers": ["bribes"]}, "Select a valid choice"),
        ({"measured": "none", "help_other": "x" * 301}, "at most 300 characters"),
    ],
)
def test_bad_answers_are_refused_whole(send, fields, message):
    response = send(o5=fields)
    assert response.status_code == 400
    assert message in response.text
    assert not Assessment.objects.exists() and not OutcomeAnswer.objects.exists()


def test_an_answer_for_a_tool_keeps_the_tool_only_when_a_tool_was_chosen(send):
    send(o3={"measured": "informal", "tool": "Leftover text"})
    assert Assessment.objects.get().answers.get(outcome__number=3).tool == ""


def test_a_bot_filling_the_hidden_field_changes_nothing(send, outcomes):
    data = answers_for(outcomes)
    data["website"] = "http://spam.example"
    response = send({**data}, bot_checked=False)
    assert response.status_code == 400
    assert not Assessment.objects.exists()


def test_a_form_sent_at_once_or_replayed_changes_nothing(send, client, outcomes):
    page = client.get("/self-assessment/")
    started = page.context["form"]["started"].value()
    instant = client.post(
        "/self-assessment/",
        {**answers_for(outcomes), "website": "", "started": started},
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert instant.status_code == 400
    assert not Assessment.objects.exists()
    # One start time, good for one submission: the second sending of the same one is refused.
    from tests.bot_check import started_long_ago

    once = {**answers_for(outcomes), "website": "", "started": started_long_ago()}
    assert (
        client.post("/self-assessment/", once, HTTP_SEC_FETCH_SITE="same-origin").status_code == 303
    )
    assert (
        client.post("/self-assessment/", once, HTTP_SEC_FETCH_SITE="same-origin").status_code == 400
    )
    assert Assessment.objects.count() == 1


def test_many_assessments_from_one_client_are_refused_past_the_daily_limit(send, fresh_cache):
    limit = settings.SELF_ASSESSMENTS_PER_ADDRESS_PER_DAY
    for _ in range(limit):
        assert send().status_code == 303
    for _ in range(5):
        refused = send()
        assert refused.status_code == 429
    assert "Too many forms have been sent from your connection" in refused.text
    assert Assessment.objects.count() == limit


@pytest.mark.parametrize("sec_fetch_site", ["cross-site", "same-site", None])
def test_a_post_from_another_site_is_refused(send, sec_fetch_site):
    headers = {"HTTP_SEC_FETCH_SITE": sec_fetch_site} if sec_fetch_site else {}
    response = send(headers=headers)
    assert response.status_code == 403
    assert not Assessment.objects.exists()


def test_every_error_in_the_summary_links_to_its_question(send, outcomes):
    key = f"outcome{outcomes[0].pk}"
    response = send(o1={"measured": "none", "barriers": ["bribes"], "help_other": "x" * 301})
    assert response.status_code == 400
    summary = response.text.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    for anchor in (f"#id_{key}_barriers", f"#id_{key}_help_other"):
        assert f'href="{anchor}"' in summary
        assert f'id="{anchor[1:]}"' in response.text
