"""The public evidence pages: enough data or not, the chart and table agree, no cookie, nothing
from another origin, kept by the reader page cache; the downloads carry aggregates only."""

import csv
import io
import json
import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from mscos.core import page_cache
from tests.evidence.conftest import DEMO_OUTCOME_SLUG, refresh

OUTCOME = f"/evidence/{DEMO_OUTCOME_SLUG}/"
ENOUGH = [3, 3, 3, 3, 3]


@pytest.fixture(autouse=True)
def rules(settings):
    settings.EVIDENCE_MIN_CELL = 10
    settings.EVIDENCE_MIN_ORGANISATIONS = 5


def test_before_enough_data_the_page_says_so_plainly_with_the_method(demo_pool, client):
    demo_pool.fill([2, 2, 2])
    refresh()
    response = client.get(OUTCOME)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Not enough data yet" in text
    assert "How these figures are made" in text
    assert "<svg" not in text
    index = client.get("/evidence/").content.decode()
    assert f'href="{OUTCOME}"' in index
    assert "not enough data yet" in index


def test_the_outcome_page_links_to_its_evidence(demo_pool, client):
    page = client.get("/core-outcomes/safety-from-any-trafficker-or-other-abuser/")
    assert f'href="{OUTCOME}"' in page.content.decode()
    arabic = client.get(
        "/ar/core-outcomes/safety-from-any-trafficker-or-other-abuser/", follow=True
    )
    assert f'href="/ar{OUTCOME}"' in arabic.content.decode()


def test_the_chart_shows_the_same_figures_as_the_table(demo_pool, client):
    demo_pool.fill(ENOUGH, first=2, later=4)  # everyone moves up
    demo_pool.fill([2, 2, 2, 2, 2], first=4, later=2)  # 10 move down
    refresh()
    text = client.get(OUTCOME).content.decode()
    bars = dict(re.findall(r'data-movement="(\w+)" data-count="(\d+)"', text))
    cells = dict(
        re.findall(r'<td class="data-table__figure" data-movement="(\w+)">(\d+)</td>', text)
    )
    # A share of nobody draws no bar; the table says 0.
    assert bars == {"moved_up": "15", "moved_down": "10"}
    assert cells == {"moved_up": "15", "stayed": "0", "moved_down": "10"}


def test_the_page_sets_no_cookie_loads_nothing_from_elsewhere_and_is_kept(demo_pool, settings):
    demo_pool.fill(ENOUGH)
    refresh()
    client = Client()
    for path in ("/evidence/", OUTCOME, "/evidence/data-dictionary/", "/ar" + OUTCOME):
        response = client.get(path)
        assert response.status_code == 200
        assert not response.cookies, path
        assert "Set-Cookie" not in response
        text = response.content.decode()
        outside = [
            url
            for url in re.findall(r'(?:src|href|action)="([^"]+)"', text)
            if re.match(r"(?:https?:)?//", url) and not url.startswith(settings.SITE_URL)
        ]
        assert outside == [], path
        assert page_cache._response_may_be_kept(response.wsgi_request, response), path
        assert "public" in response["Cache-Control"]


def test_a_kept_page_is_served_from_the_reader_page_cache(demo_pool, settings, tmp_path):
    settings.PAGE_CACHE_STAMP_FILE = tmp_path / "page-cache-generation"
    caches[page_cache.CACHE_ALIAS].clear()
    demo_pool.fill(ENOUGH)
    refresh()
    first = Client().get(OUTCOME)
    with CaptureQueriesContext(connection) as queries:
        again = Client().get(OUTCOME)
    assert (first["X-Page-Cache"], again["X-Page-Cache"]) == ("miss", "hit")
    assert again.content == first.content
    assert len(queries) == 0
    caches[page_cache.CACHE_ALIAS].clear()


def test_the_downloads_hold_the_published_cells_and_a_data_dictionary(demo_pool, client):
    demo_pool.fill(ENOUGH, first=2, later=4)
    refresh()
    body = json.loads(client.get("/evidence/pooled-evidence.json").content)
    assert body["rules"]["min_organisations"] == 5
    assert set(body["cells"][0]) == set(body["dictionary"])
    [cell] = body["cells"]
    assert cell["outcome"] == DEMO_OUTCOME_SLUG and cell["people"] == 15
    response = client.get("/evidence/pooled-evidence.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["people"] for row in rows] == ["15"]
    assert list(rows[0]) == list(body["dictionary"])
    dictionary = client.get("/evidence/data-dictionary/").content.decode()
    for column in body["dictionary"]:
        assert f"<code>{column}</code>" in dictionary


def test_an_unknown_outcome_is_not_found(demo_pool, client):
    assert client.get("/evidence/no-such-outcome/").status_code == 404


def test_the_arabic_chart_starts_on_the_right(demo_pool, client):
    demo_pool.fill(ENOUGH, first=2, later=4)
    refresh()
    text = client.get("/ar" + OUTCOME).content.decode()
    [(x, width)] = re.findall(
        r'<rect x="([\d.]+)" y="\d+" width="([\d.]+)"[^>]*data-movement="moved_up"', text
    )
    assert float(x) + float(width) == pytest.approx(320)
