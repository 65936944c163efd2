"""Only the Wagtail admin's live preview may be framed, and only by the site's own pages; every
other page, in the admin or not, refuses to be framed (no clickjacking)."""

import pytest
from django.test import RequestFactory

from mscos.outcomes.models import OutcomePage

pytestmark = pytest.mark.django_db


def frame_ancestors(response) -> str:
    policy = response.headers["Content-Security-Policy"]
    return next(d.strip() for d in policy.split(";") if d.strip().startswith("frame-ancestors"))


def refuses_framing(response) -> bool:
    return (
        frame_ancestors(response) == "frame-ancestors 'none'"
        and response.headers["X-Frame-Options"] == "DENY"
    )


def test_public_pages_refuse_framing(client, outcome_page):
    assert refuses_framing(client.get("/"))
    assert refuses_framing(client.get(outcome_page.url))


def test_a_visitor_cannot_ask_for_the_preview_policy(client, outcome_page):
    # The preview panel's own query string on a public address changes nothing.
    response = client.get(f"{outcome_page.url}?in_preview_panel=true&mode=")
    assert refuses_framing(response)


def test_admin_pages_refuse_framing(client, editor, outcome_page):
    client.force_login(editor)
    assert refuses_framing(client.get("/admin/"))
    assert refuses_framing(client.get(f"/admin/pages/{outcome_page.pk}/edit/"))


def test_the_preview_may_be_framed_by_the_site_itself(client, editor, outcome_page):
    client.force_login(editor)
    request = RequestFactory().get(f"/admin/pages/{outcome_page.pk}/edit/preview/")
    request.user = editor
    request.session = client.session
    preview = OutcomePage.objects.get(pk=outcome_page.pk).make_preview_request(request, "")
    assert preview.status_code == 200
    assert frame_ancestors(preview) == "frame-ancestors 'self'"
    assert preview.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert outcome_page.title in preview.text
    # It keeps the page's own strict policy otherwise: no inline script without its nonce.
    assert "'unsafe-inline'" not in preview.headers["Content-Security-Policy"].split("style-src")[0]


def test_the_preview_view_in_the_admin_may_be_framed(client, editor, outcome_page):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{outcome_page.pk}/edit/preview/?in_preview_panel=true")
    assert frame_ancestors(response) == "frame-ancestors 'self'"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
