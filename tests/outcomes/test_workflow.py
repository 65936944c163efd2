"""Editors draft, approvers publish: the approval workflow, revisions, preview and scheduling."""

import datetime
import time

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from mscos.accounts import roles
from mscos.outcomes.models import OutcomeIndexPage, OutcomePage
from mscos.pages.editorial import WORKFLOW_NAME, ensure_editorial_setup
from mscos.practice.models import Recommendation
from tests.outcomes.conftest import signed_in

pytestmark = pytest.mark.django_db

PERSPECTIVE = {
    "quote": "Having one person who stayed made all the difference.",
    "speaker": "",
    "pseudonym": "",
    "role": "Survivor",
    "organisation": "",
    "lived_experience": "on",
}


def outcome_form(title: str, slug: str, *, action: str, perspective=PERSPECTIVE) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "kind": "core",
            "number": "",
            "domain": "",
            "other_names": "",
            "summary": "A test summary.",
            "descriptor": "",
            "body": streamfield([("perspective", perspective)]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            action: "on",
        }
    )


def add_url(parent: Page) -> str:
    return f"/admin/pages/add/outcomes/outcomepage/{parent.pk}/"


def test_editor_cannot_publish_and_approver_can(safety_page, editor, approver):
    assert not safety_page.permissions_for_user(editor).can_publish()
    assert safety_page.permissions_for_user(approver).can_publish()
    assert not editor.has_perm("practice.publish_recommendation")
    assert approver.has_perm("practice.publish_recommendation")


def test_an_editors_publish_request_only_saves_a_draft(demo_site, editor):
    index = OutcomeIndexPage.objects.get(locale__language_code="en-gb")
    client = signed_in(editor)
    response = client.post(
        add_url(index),
        outcome_form("Editor tries to publish", "editor-tries", action="action-publish"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = OutcomePage.objects.get(slug="editor-tries")
    assert not page.live
    assert client.get(page.url or "/core-outcomes/editor-tries/").status_code == 404
    assert signed_in(editor).get("/core-outcomes/editor-tries/").status_code == 404


def test_editor_submits_and_approver_publishes_through_the_admin(
    client, demo_site, editor, approver
):
    index = OutcomeIndexPage.objects.get(locale__language_code="en-gb")
    response = signed_in(editor).post(
        add_url(index), outcome_form("Submitted outcome", "submitted", action="action-submit")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = OutcomePage.objects.get(slug="submitted")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    assert not page.live
    assert client.get("/core-outcomes/submitted/").status_code == 404
    # The editor cannot approve their own submission.
    task_state = state.current_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
    refused = signed_in(editor).post(url, {"comment": ""})
    assert refused.status_code == 302  # Wagtail's refusal: back to the dashboard, with a notice
    assert refused["Location"] == "/admin/"
    page.refresh_from_db()
    assert not page.live
    response = signed_in(approver).post(url, {"comment": "Fine"})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    page.refresh_from_db()
    assert page.live
    html = client.get("/core-outcomes/submitted/").content.decode()
    assert "Having one person who stayed made all the difference." in html
    assert "Lived experience" in html


def test_approver_can_reject_and_the_page_stays_unpublished(demo_site, editor, approver):
    index = OutcomeIndexPage.objects.get(locale__language_code="en-gb")
    signed_in(editor).post(
        add_url(index), outcome_form("To reject", "to-reject", action="action-submit")
    )
    page = OutcomePage.objects.get(slug="to-reject")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    url = f"/admin/pages/workflow/action/{page.pk}/reject/{state.current_task_state.pk}/"
    signed_in(approver).post(url, {"comment": "Please name the organisation."})
    state.refresh_from_db()
    page.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not page.live


def test_a_change_to_a_live_page_waits_for_approval(client, safety_page, editor, approver):
    safety_page.summary = "Changed by the editor, not approved yet."
    revision = safety_page.save_revision(user=editor)
    workflow = safety_page.get_workflow()
    workflow.start(safety_page, editor)
    assert "Changed by the editor" not in client.get(safety_page.url).content.decode()
    # The editor previews the draft; readers do not see it.
    draft = signed_in(editor).get(f"/admin/pages/{safety_page.pk}/view_draft/")
    assert "Changed by the editor" in draft.content.decode()
    compare = signed_in(editor).get(
        f"/admin/pages/{safety_page.pk}/revisions/compare/live...{revision.pk}/"
    )
    assert compare.status_code == 200
    assert "Changed by the editor" in compare.content.decode()
    state = safety_page.current_workflow_state
    state.current_task_state.task.specific.on_action(state.current_task_state, approver, "approve")
    assert "Changed by the editor" in client.get(safety_page.url).content.decode()


def test_scheduled_publishing_waits_for_its_time(client, demo_site, approver):
    index = OutcomeIndexPage.objects.get(locale__language_code="en-gb")
    page = OutcomePage(title="Scheduled outcome", slug="scheduled", summary="Later.", live=False)
    index.add_child(instance=page)
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    page.save_revision(user=approver).publish(user=approver)
    page.refresh_from_db()
    assert not page.live
    assert client.get("/core-outcomes/scheduled/").status_code == 404
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert client.get("/core-outcomes/scheduled/").status_code == 404  # not time yet
    time.sleep(2.5)
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert client.get("/core-outcomes/scheduled/").status_code == 200


def test_recommendation_needs_approval_too(client, safety_page, editor, approver):
    recommendation = Recommendation(title="A new recommendation", body="<p>Text.</p>")
    recommendation.live = False
    recommendation.save()
    recommendation.outcomes.set([safety_page])
    recommendation.save_revision(user=editor)
    workflow = recommendation.get_workflow()
    assert workflow is not None and workflow.name == WORKFLOW_NAME
    workflow.start(recommendation, editor)
    assert "A new recommendation" not in client.get(safety_page.url).content.decode()
    state = recommendation.current_workflow_state
    state.current_task_state.task.specific.on_action(state.current_task_state, approver, "approve")
    recommendation.refresh_from_db()
    assert recommendation.live
    assert "A new recommendation" in client.get(safety_page.url).content.decode()


def test_setup_runs_again_without_duplicating(demo_site):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow

    before = (
        Workflow.objects.count(),
        GroupApprovalTask.objects.count(),
        GroupPagePermission.objects.count(),
        Group.objects.count(),
    )
    ensure_editorial_setup()
    ensure_editorial_setup()
    after = (
        Workflow.objects.count(),
        GroupApprovalTask.objects.count(),
        GroupPagePermission.objects.count(),
        Group.objects.count(),
    )
    assert before == after


def test_approvers_need_two_factor_like_other_staff(db):
    from mscos.accounts.models import User
    from tests.conftest import with_role

    user = with_role(
        User.objects.create_user(username="newappr", password="a-long-pass-phrase"), roles.APPROVER
    )
    client = signed_in(user)
    assert client.get("/admin/")["Location"] == "/account/2fa/totp/activate/"
