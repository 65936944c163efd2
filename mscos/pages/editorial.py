"""The editors' workflow: editors draft, approvers publish.

Run after every `migrate` (post_migrate, see apps.py) and by `load_demo`; safe to run again: it
only adds what is missing and never takes a permission away that someone gave by hand.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from mscos.accounts.roles import APPROVER, EDITOR, PAGE_PUBLISHER, WAGTAIL_MODERATORS

WORKFLOW_NAME = "Editorial approval"
TASK_NAME = "Approval by an approver"

# Snippets editors write; approvers may publish those with drafts (recommendations).
EDITORIAL_SNIPPETS = [
    "practice.recommendation",
    "practice.country",
    "resources.resource",
    "people.person",
    "outcomes.domain",
    "posters.posterquestion",  # the help posters' question library
    "measurement.indicator",  # the check-ins' indicator library (translatable)
]
WORKFLOW_SNIPPETS = ["practice.recommendation"]
APPROVER_SETTINGS = [
    "outcomes.focussettings",
    "core.navigationsettings",
    "core.safetysettings",
]
REQUIRED_TABLES = {"wagtailcore_workflowpage", "wagtailcore_groupapprovaltask", "auth_group"}


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _model_permissions(label: str, actions: list[str]) -> list[Permission]:
    app_label, model = label.split(".")
    model_class = apps.get_model(app_label, model)
    content_type = ContentType.objects.get_for_model(model_class)
    codenames = [f"{action}_{model}" for action in actions]
    return list(Permission.objects.filter(content_type=content_type, codename__in=codenames))


def ensure_editorial_setup() -> None:
    """Creates the groups, their permissions and the approval workflow, if missing."""
    if not set(connection.introspection.table_names()) >= REQUIRED_TABLES:
        return
    from wagtail.models import (
        Collection,
        GroupApprovalTask,
        GroupCollectionPermission,
        GroupPagePermission,
        Page,
        Workflow,
        WorkflowContentType,
        WorkflowPage,
        WorkflowTask,
    )

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    editors, _created = Group.objects.get_or_create(name=EDITOR)
    approvers, _created = Group.objects.get_or_create(name=APPROVER)
    access_admin = _permission("wagtailadmin", "access_admin")
    editors.permissions.add(access_admin)
    approvers.permissions.add(access_admin)

    for label in EDITORIAL_SNIPPETS:
        editors.permissions.add(*_model_permissions(label, ["add", "change", "view"]))
        approvers.permissions.add(
            *_model_permissions(
                label, ["add", "change", "view", "delete", "publish", "lock", "unlock"]
            )
        )
    for label in APPROVER_SETTINGS:
        approvers.permissions.add(*_model_permissions(label, ["change"]))
    # Whoever publishes an update may also send it by email (and follow its progress).
    approvers.permissions.add(*_model_permissions("newsletter.mailing", ["add", "view"]))
    # Approvers mark an indicator reviewed once experts by lived experience have read it.
    approvers.permissions.add(*_model_permissions("measurement.indicator", ["review"]))
    # Editors answer the people who join; the requests are theirs to read and export.
    editors.permissions.add(*_model_permissions("joining.joinrequest", ["view"]))
    rename_wagtail_moderators()

    root = Page.get_first_root_node()
    if root is not None:
        for group, actions in [
            (editors, ["add_page", "change_page", "lock_page", "unlock_page"]),
            (approvers, ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]),
        ]:
            for codename in actions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=_permission("wagtailcore", codename)
                )

    collection = Collection.get_first_root_node()
    if collection is not None:
        media = _model_permissions("core.siteimage", ["add", "change", "choose"]) + (
            _model_permissions("wagtaildocs.document", ["add", "change", "choose"])
        )
        media += list(
            Permission.objects.filter(codename="choose_image", content_type__app_label="core")
        )
        for group in (editors, approvers):
            for permission in media:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(approvers)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root is not None:
        # The root's workflow covers every page below it unless an editor sets another.
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    for label in WORKFLOW_SNIPPETS:
        app_label, model = label.split(".")
        content_type = ContentType.objects.get_for_model(apps.get_model(app_label, model))
        WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


def rename_wagtail_moderators() -> None:
    """Wagtail's own "Moderators" group becomes "Page publishers", so that it is not mistaken
    for the forum's moderators; its members and permissions stay as they are."""
    if Group.objects.filter(name=PAGE_PUBLISHER).exists():
        return
    Group.objects.filter(name=WAGTAIL_MODERATORS).update(name=PAGE_PUBLISHER)


def on_post_migrate(sender, **kwargs) -> None:
    if kwargs.get("using", "default") != "default":
        return
    ensure_editorial_setup()
