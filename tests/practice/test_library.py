"""The practice library and its example pages as a reader meets them: what is listed, how the
filters narrow it, what stays hidden, the reader's language, and bad addresses answered kindly."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from mscos.outcomes.models import OutcomePage
from mscos.practice.models import Country, PracticeExamplePage, PracticeIndexPage

pytestmark = pytest.mark.django_db

NAVIGATOR = "The Victim Navigator programme"
SECONDMENT = "Romanian police officers seconded to Police Scotland"


@pytest.fixture(autouse=True)
def clean_cache(fresh_cache, settings, tmp_path):
    """Rate-limit counters and cached settings never leak from one test into the next, and each
    request is drawn afresh: a test's writes are never committed, so the kept pages
    (core/page_cache.py) would not hear of them."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.PAGE_CACHE_STAMP_FILE = tmp_path / "page-cache-generation"


@pytest.fixture
def library(demo_site) -> PracticeIndexPage:
    return PracticeIndexPage.objects.get(locale__language_code="en-gb")


@pytest.fixture
def navigator(demo_site) -> PracticeExamplePage:
    return PracticeExamplePage.objects.get(slug="victim-navigator-programme")


def main_of(response) -> str:
    """The page's main region: the header's menus name outcomes and pages too."""
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('<main id="main"') : html.index("</main>")]


def listed_titles(html: str) -> list[str]:
    return re.findall(r'<li class="card">\s*<h2><a href="[^"]*">([^<]*)</a></h2>', html)


def add_example(library: PracticeIndexPage, *, publish: bool = True, **fields):
    fields.setdefault("organisation", "Helping Hands")
    fields.setdefault("summary", "What happens, for whom.")
    countries = fields.pop("countries", [])
    example = PracticeExamplePage(**fields)
    library.add_child(instance=example)
    example.countries = countries
    if publish:
        example.save_revision().publish()
    else:
        example.save_revision()
        example.unpublish()
    return example


def test_the_library_lists_each_live_example_by_title_with_where_and_what_it_achieved(
    client, library
):
    html = main_of(client.get("/practice/"))
    assert listed_titles(html) == [SECONDMENT, NAVIGATOR]
    assert "2 examples of practice." in html
    assert (
        "Justice and Care · England, Romania, Scotland · "
        "In the Metropolitan Police Service since January 2021"
    ) in html
    assert "<li>12 navigators funded across the UK and 2 internationally</li>" in html
    assert "Serves: Safety from any trafficker or other abuser; Long-term, consistent" in html


def test_a_draft_example_is_not_listed_offered_as_a_filter_or_served(client, library):
    moldova = Country.objects.create(name="Moldova")
    draft = add_example(
        library,
        title="Draft practice nobody approved",
        slug="draft-practice",
        organisation="Draft Organisation",
        countries=[moldova],
        publish=False,
    )
    html = main_of(client.get("/practice/"))
    assert listed_titles(html) == [SECONDMENT, NAVIGATOR]
    assert "Draft Organisation" not in html
    assert "Moldova" not in html
    assert client.get("/practice/draft-practice/").status_code == 404
    assert draft.pk  # it exists, for editors


def test_an_unpublished_example_leaves_the_library_and_its_address(client, navigator):
    assert client.get("/practice/victim-navigator-programme/").status_code == 200
    navigator.unpublish()
    html = main_of(client.get("/practice/"))
    assert listed_titles(html) == [SECONDMENT]
    assert "1 example of practice." in html
    assert ">Justice and Care</option>" not in html
    assert client.get("/practice/victim-navigator-programme/").status_code == 404


def test_an_example_for_members_only_is_not_listed_for_readers(client, navigator):
    PageViewRestriction.objects.create(page=navigator, restriction_type=PageViewRestriction.LOGIN)
    html = main_of(client.get("/practice/"))
    assert listed_titles(html) == [SECONDMENT]
    response = client.get("/practice/victim-navigator-programme/")
    assert response.status_code == 302
    assert NAVIGATOR not in response.content.decode()


def test_the_filters_apply_together_and_stay_chosen(client, library):
    scotland = Country.objects.get(name="Scotland")
    england = Country.objects.get(name="England")
    assert listed_titles(main_of(client.get("/practice/", {"country": scotland.pk}))) == [
        SECONDMENT,
        NAVIGATOR,
    ]
    html = main_of(
        client.get("/practice/", {"country": scotland.pk, "organisation": "Justice and Care"})
    )
    assert listed_titles(html) == [NAVIGATOR]
    assert f'<option value="{scotland.pk}" selected>Scotland</option>' in html
    assert "<option selected>Justice and Care</option>" in html
    assert '<a href="/practice/">Show all practice</a>' in html
    none = main_of(
        client.get(
            "/practice/",
            {"country": england.pk, "organisation": "Romanian Police with Police Scotland"},
        )
    )
    assert listed_titles(none) == []
    assert "No practice matches these filters yet" in none


def test_the_words_filter_ignores_case_and_needs_every_word(client, library):
    assert listed_titles(main_of(client.get("/practice/", {"q": "JUSTICE care"}))) == [NAVIGATOR]
    assert listed_titles(main_of(client.get("/practice/", {"q": "justice seconded"}))) == []


def test_the_outcome_filter_offers_only_live_outcomes(client, library):
    support = OutcomePage.objects.get(slug="long-term-consistent-support")
    assert f'<option value="{support.pk}">' in main_of(client.get("/practice/"))
    support.unpublish()
    html = main_of(client.get("/practice/"))
    assert f'<option value="{support.pk}">' not in html
    assert "Long-term, consistent support</option>" not in html


@pytest.mark.parametrize(
    "query",
    [
        {"q": "\x00"},
        {"q": "navigator\x00"},
        {"organisation": "Justice\x00and Care"},
        {"outcome": "١٢"},  # Arabic-Indic digits: int() would take them
        {"outcome": "0"},
        {"country": "1e3"},
        {"country": "99999999999"},
        {"outcome": ["abc", "1 OR 1=1"]},
        {"q": "x" * 5000},
    ],
    ids=lambda query: next(iter(query)),
)
def test_bad_filters_get_the_library_not_an_error(client, library, query):
    html = main_of(client.get("/practice/", query))
    assert "example" in html
    assert 'class="filter-form"' in html


def test_a_nul_character_in_the_words_is_dropped_not_an_error(client, library):
    # PostgreSQL refuses NUL in a query parameter; the reader meant the word around it.
    html = main_of(client.get("/practice/", {"q": "navi\x00gator"}))
    assert listed_titles(html) == [NAVIGATOR]
    assert 'value="navigator"' in html


def test_what_was_typed_is_kept_shortened_and_never_run_as_markup(client, library):
    html = main_of(client.get("/practice/", {"q": "<script>alert(1)</script>"}))
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert "<script>alert(1)" not in html
    long = main_of(client.get("/practice/", {"q": "y" * 5000}))
    assert f'value="{"y" * 200}"' in long
    assert "y" * 201 not in long


def test_an_example_page_shows_its_facts_results_and_way_to_find_out_more(client, navigator):
    response = client.get("/practice/victim-navigator-programme/")
    html = main_of(response)
    assert '<a href="/practice/">Practice library</a>' in html
    assert "<dt>Where</dt><dd>England, Romania, Scotland</dd>" in html
    assert "<li>Prosecutions rose from 33% to 83%" in html
    assert '<a href="https://justiceandcare.org/" rel="noreferrer noopener">Their website</a>' in (
        html
    )
    assert "Contact: Through Justice and Care&#x27;s website" in html
    head = response.content.decode()
    assert '<meta name="description" content="Independent Victim Navigators' in head


def test_an_example_page_links_only_the_outcomes_still_published(client, navigator):
    support = OutcomePage.objects.get(slug="long-term-consistent-support")
    html = main_of(client.get("/practice/victim-navigator-programme/"))
    assert f'href="{support.url}"' in html
    support.unpublish()
    html = main_of(client.get("/practice/victim-navigator-programme/"))
    assert "Long-term, consistent support" not in html
    assert "Safety from any trafficker or other abuser</a>" in html


def test_blank_result_lines_are_left_out(client, library):
    add_example(
        library, title="Lines", slug="lines", results="First result\n\n   \n Second result \n"
    )
    html = main_of(client.get("/practice/lines/"))
    assert '<ul class="results"><li>First result</li><li>Second result</li></ul>' in html


def test_under_a_language_prefix_the_library_speaks_it_and_its_links_keep_it(client, library):
    response = client.get("/ro/practice/")
    html = main_of(response)
    assert 'aria-label="Filtrați biblioteca de practici"' in html
    assert "2 exemple de practică." in html
    assert 'href="/ro/practice/victim-navigator-programme/"' in html
    assert 'action="/ro/practice/"' in html
    assert "language-notice" in response.content.decode()  # the library itself is in English


def translate(example: PracticeExamplePage, language: str, title: str) -> PracticeExamplePage:
    """The example's translation, published with its parent library (as simple_translation does)."""
    translated = example.copy_for_translation(
        Locale.objects.get(language_code=language), copy_parents=True
    )
    translated.title = title
    translated.save_revision().publish()
    translated.refresh_from_db()  # publish() saves a copy from the revision, not this object
    return translated


def test_a_translated_library_lists_every_example_each_in_the_readers_language(client, navigator):
    romanian = translate(navigator, "ro", "Programul Victim Navigator")
    html = main_of(client.get("/ro/practice/"))
    assert listed_titles(html) == [SECONDMENT, "Programul Victim Navigator"]
    assert "2 exemple de practică." in html
    assert f'href="{romanian.url}"' in html
    assert listed_titles(main_of(client.get("/practice/"))) == [SECONDMENT, NAVIGATOR]
    assert listed_titles(main_of(client.get("/sq/practice/"))) == [SECONDMENT, NAVIGATOR]
    # The filters still work on the translated library.
    html = main_of(client.get("/ro/practice/", {"organisation": "Justice and Care"}))
    assert listed_titles(html) == ["Programul Victim Navigator"]
    # An unpublished translation gives way to the English page again.
    romanian.unpublish()
    assert listed_titles(main_of(client.get("/ro/practice/"))) == [SECONDMENT, NAVIGATOR]


def test_a_translated_library_costs_the_same_queries_however_many_examples_it_lists(
    library, navigator
):
    translate(navigator, "ro", "Programul Victim Navigator")
    client = Client()

    def queries() -> int:
        assert client.get("/ro/practice/").status_code == 200
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/ro/practice/").status_code == 200
        return len(captured.captured_queries)

    before = queries()
    for number in range(3):
        example = add_example(library, title=f"More practice {number}", slug=f"more-{number}")
        translate(example, "ro", f"Mai multă practică {number}")
    assert len(listed_titles(main_of(client.get("/ro/practice/")))) == 5
    assert queries() == before
