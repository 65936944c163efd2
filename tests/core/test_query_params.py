"""Numbers in a page's address: anything but a plain whole number is ignored, not an error page."""

import pytest
from django.http import QueryDict

from mscos.core.query_params import int_param, parse_int


@pytest.mark.parametrize(
    ("value", "expected"),
    [("7", 7), ("0", 0), ("-2", -2), ("", None), ("seven", None), ("²", None), ("١٢", None)],
)
def test_parse_int_takes_plain_digits_only(value, expected):
    assert parse_int(value) == expected


def test_parse_int_refuses_a_number_too_long_for_a_database_column():
    assert parse_int("9" * 30, default=1) == 1


def test_parse_int_gives_the_default_below_the_minimum_and_for_no_value():
    assert parse_int("0", default=1, minimum=1) == 1
    assert parse_int(None, default=3) == 3


def test_int_param_reads_one_name_of_a_query():
    query = QueryDict("page=4&page=5&topic=x")
    assert int_param(query, "page") == 5  # the last value, as QueryDict.get gives it
    assert int_param(query, "topic", default=0) == 0
    assert int_param(query, "missing") is None


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/search/", "outcome"),
        ("/practice/", "outcome"),
        ("/practice/", "country"),
        ("/core-outcomes/long-list/", "domain"),
        ("/the-study/resources/", "outcome"),
    ],
)
@pytest.mark.parametrize("value", ["²", "9" * 30])
def test_a_strange_number_in_a_filter_shows_the_page_unfiltered(
    client, demo_site, path, name, value
):
    assert client.get(path, {name: value, "q": "support"}).status_code == 200


@pytest.mark.parametrize("value", ["²", "9" * 30])
def test_a_strange_page_number_shows_a_forums_first_page(client, forum_categories, value):
    response = client.get(forum_categories[0].get_absolute_url(), {"page": value})
    assert response.status_code == 200
    assert response.context["page"] == 1
