"""Editors publish posters through the same draft and approval workflow as every page, and
keep the question library; a reader sees a change only once an approver has approved it."""

import pytest
from django.test import Client

from mscos.accounts import roles
from mscos.accounts.models import User
from mscos.pages.editorial import WORKFLOW_NAME
from mscos.posters.models import PosterPage
from tests.conftest import with_role, with_two_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def approver(db) -> User:
    user = User.objects.create_user(
        username="appr", password="a-long-pass-phrase", display_name="Approver Ann", is_staff=True
    )
    return with_two_factor(with_role(user, roles.APPROVER))


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_editors_keep_the_question_library(demo_site, editor):
    assert editor.has_perms(["posters.add_posterquestion", "posters.change_posterquestion"])
    assert signed_in(editor).get("/admin/snippets/posters/posterquestion/").status_code == 200


def test_a_poster_change_waits_for_an_approver(client, demo_site, editor, approver):
    poster = PosterPage.objects.get(slug="hospitality-a4-english")
    workflow = poster.get_workflow()
    assert workflow is not None and workflow.name == WORKFLOW_NAME
    poster.second_language = "pl"
    poster.save_revision(user=editor)
    state = workflow.start(poster, editor)
    gallery = client.get("/posters/?language=pl").content.decode()
    assert poster.title not in gallery
    url = f"/admin/pages/workflow/action/{poster.pk}/approve/{state.current_task_state.pk}/"
    # Wagtail answers an editor who may not approve with a redirect and changes nothing.
    assert signed_in(editor).post(url, {"comment": ""}).status_code == 302
    assert not PosterPage.objects.get(pk=poster.pk).second_language
    assert signed_in(approver).post(url, {"comment": "Fine"}).status_code == 302
    assert PosterPage.objects.get(pk=poster.pk).second_language == "pl"
    assert poster.title in client.get("/posters/?language=pl").content.decode()
