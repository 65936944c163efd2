"""Every CSV export opens in Excel with accents intact (a UTF-8 byte-order mark first) and no cell
that a spreadsheet would run as a formula."""

import csv
import io

import pytest
from django.utils import timezone

from mscos.core.csv_export import BYTE_ORDER_MARK, csv_response, spreadsheet_safe
from mscos.feedback.models import Feedback
from mscos.joining.models import JoinRequest
from mscos.newsletter.defaults import FIRST_CONSENT_TEXT, FIRST_CONSENT_VERSION
from mscos.newsletter.models import ConsentText, Subscriber

pytestmark = pytest.mark.django_db

ACCENTED = "Ștefan Zoë Ëngjëll عائشة"
FORMULA = '=HYPERLINK("http://evil.example","click")'


def content_of(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def rows_of(response) -> list[list[str]]:
    body = content_of(response)
    assert body.startswith(BYTE_ORDER_MARK.encode("utf-8")), body[:20]
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_the_helper_marks_the_file_and_defuses_formulas():
    response = csv_response(filename="x.csv", header=["Name"], rows=[[FORMULA], ["-1"], [None]])
    assert rows_of(response) == [["Name"], ["'" + FORMULA], ["'-1"], [""]]
    assert response["Cache-Control"] == "no-store"
    assert spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_safe("Ana") == "Ana"


def test_newsletter_subscribers_export(client, editor):
    consent, _created = ConsentText.objects.get_or_create(
        version=FIRST_CONSENT_VERSION, defaults={"text": FIRST_CONSENT_TEXT}
    )
    Subscriber.objects.create(
        email="ana@example.org",
        name=ACCENTED,
        consent_text=consent,
        consented_at=timezone.now(),
        status=Subscriber.ACTIVE,
    )
    Subscriber.objects.create(
        email="eve@example.org", name=FORMULA, consent_text=consent, consented_at=timezone.now()
    )
    client.force_login(editor)
    rows = rows_of(client.get("/admin/newsletter/subscriber/?export=csv"))
    names = {row[0]: row[1] for row in rows[1:]}
    assert names["ana@example.org"] == ACCENTED
    assert names["eve@example.org"] == "'" + FORMULA


def test_join_requests_export(client, editor):
    JoinRequest.objects.create(name=ACCENTED, email="s@example.org", role="other", country="RO")
    JoinRequest.objects.create(name=FORMULA, email="e@example.org", role="other", country="AL")
    client.force_login(editor)
    rows = rows_of(client.get("/admin/snippets/joining/joinrequest/?export=csv"))
    assert {row[0] for row in rows[1:]} == {ACCENTED, "'" + FORMULA}


def test_feedback_export(client, editor, demo_site):
    Feedback.objects.create(topic="site", message=ACCENTED, name="Zoë")
    client.force_login(editor)
    rows = rows_of(client.get("/admin/feedback/export.csv"))
    assert rows[1][2] == ACCENTED and rows[1][3] == "Zoë"
