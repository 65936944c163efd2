"""An outcome's number in the set is the study's: editors see it but cannot change it."""

import pytest
from wagtail.models import Locale

from mscos.outcomes.models import OutcomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def housing(demo_site) -> OutcomePage:
    return OutcomePage.objects.get(slug="secure-and-suitable-housing", locale=Locale.get_default())


def edit_form(page: OutcomePage, user, data=None):
    form_class = OutcomePage.get_edit_handler().get_form_class()
    return form_class(data, instance=page, for_user=user, parent_page=page.get_parent())


def test_editors_see_the_number_read_only(client, editor, housing):
    client.force_login(editor)
    html = client.get(f"/admin/pages/{housing.pk}/edit/").text
    assert "Number in the set" in html
    assert 'name="number"' not in html
    assert "only a superuser can change it" in html


def test_a_number_an_editor_posts_is_ignored(editor, housing):
    form = edit_form(housing, editor, {"number": housing.number + 5})
    # A form without the field copies nothing of it onto the page, whatever was posted.
    assert "number" not in form.fields


def test_a_superuser_may_change_the_number(client, admin_user, housing):
    client.force_login(admin_user)
    assert 'name="number"' in client.get(f"/admin/pages/{housing.pk}/edit/").text
    assert "number" in edit_form(housing, admin_user).fields
