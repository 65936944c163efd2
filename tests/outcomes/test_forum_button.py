"""The banner's "Go to the forums" button names the outcome's category, isolated for direction."""

import pytest

from mscos.forum.models import ForumCategory

pytestmark = pytest.mark.django_db


def test_the_category_name_is_isolated_and_escaped_in_every_language(client, safety_page):
    category = ForumCategory.objects.get(outcome_page=safety_page)
    category.name = "Safety <b>now</b>"
    category.save()
    english = client.get(safety_page.url).content.decode()
    assert "Go to the forums: <bdi>Safety &lt;b&gt;now&lt;/b&gt;</bdi></a>" in english
    arabic_page = safety_page.get_translations().get(locale__language_code="ar")
    arabic = client.get(arabic_page.url).content.decode()
    assert "<bdi>Safety &lt;b&gt;now&lt;/b&gt;</bdi></a>" in arabic
    assert "<b>now</b>" not in arabic
