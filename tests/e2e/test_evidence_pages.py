"""In a real browser: the evidence pages set no cookie and ask no other origin for anything."""

import pytest

from tests.evidence.conftest import DEMO_OUTCOME_SLUG, make_pool, refresh

PATHS = [
    "/evidence/",
    f"/evidence/{DEMO_OUTCOME_SLUG}/",
    f"/ar/evidence/{DEMO_OUTCOME_SLUG}/",
    "/evidence/data-dictionary/",
]


@pytest.mark.browser
def test_the_evidence_pages_set_no_cookie_and_stay_on_this_origin(
    site_url, page, context, offsite_requests, settings
):
    settings.EVIDENCE_MIN_CELL = 10
    settings.EVIDENCE_MIN_ORGANISATIONS = 5
    make_pool().fill([3, 3, 3, 3, 3])
    refresh()
    responses = []
    page.on("response", lambda response: responses.append(response))
    for path in PATHS:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        assert page.locator("#exit-this-page").is_visible()
        if DEMO_OUTCOME_SLUG in path:
            assert page.locator("[data-table=change] tbody tr").count() == 1
    assert context.cookies() == []
    assert [r.url for r in responses if r.all_headers().get("set-cookie")] == []
    assert offsite_requests == []
