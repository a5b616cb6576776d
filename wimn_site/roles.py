"""Staff roles and the review workflow, set in code and applied by `setup_site` (idempotent).

| role           | pages                                   | snippets, documents, images        | reviews          |
|----------------|-----------------------------------------|------------------------------------|------------------|
| Administrators | everything (all permissions, users too) | everything                         | approve          |
| Editors        | add, edit, publish, delete, lock        | add, edit, delete                  | approve          |
| Press officers | add and edit in the reviewed sections   | add documents and images, choose   | submit           |
|                | marked for the press office; no publish |                                    |                  |
| Translators    | edit everywhere; no add, publish, move  | edit snippets; choose files        | submit           |
|                | or delete                               |                                    |                  |
| Moderators     | edit, lock (to review in the editor);   | choose files                       | approve, reject  |
|                | unlock only their own locks             |                                    |                  |

The "Review" workflow (one Wagtail group-approval task, Moderators or Editors) is assigned to the section
pages the apps register under `registry.REVIEWED_SECTIONS`; approval publishes the revision, or schedules it
when it carries a go-live time (an embargo), as Wagtail does.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.snippets.models import get_snippet_models

from . import registry

ADMINISTRATORS, EDITORS, PRESS_OFFICERS, TRANSLATORS, MODERATORS = (
    "Administrators",
    "Editors",
    "Press officers",
    "Translators",
    "Moderators",
)
ROLES = (ADMINISTRATORS, EDITORS, PRESS_OFFICERS, TRANSLATORS, MODERATORS)
REVIEW_WORKFLOW = "Review"
REVIEW_TASK = "Review by a moderator or editor"

PAGE_PERMISSIONS = {
    ADMINISTRATORS: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
    EDITORS: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
    TRANSLATORS: ["change_page"],
    MODERATORS: ["change_page", "lock_page"],  # Wagtail lets whoever locked a page unlock it; no one else's
}
PRESS_PAGE_PERMISSIONS = ["add_page", "change_page"]  # in the press office's sections only
FILE_PERMISSIONS = {
    ADMINISTRATORS: ["add", "change", "delete", "choose"],
    EDITORS: ["add", "change", "delete", "choose"],
    PRESS_OFFICERS: ["add", "choose"],
    TRANSLATORS: ["choose"],
    MODERATORS: ["choose"],
}
SNIPPET_PERMISSIONS = {
    ADMINISTRATORS: ["add", "change", "delete", "view"],
    EDITORS: ["add", "change", "delete", "view"],
    PRESS_OFFICERS: ["view"],
    TRANSLATORS: ["change", "view"],
    MODERATORS: ["view"],
}


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _model_permissions(model, actions):
    return [_permission(model._meta.app_label, f"{action}_{model._meta.model_name}") for action in actions]


def reviewed_section_pages():
    """(live section page, press office?) for every section the apps put under review."""
    found = []
    for section in registry.contributions(registry.REVIEWED_SECTIONS):
        for page in section.model.objects.all():
            found.append((page, section.press_office))
    return found


@transaction.atomic
def ensure_roles():
    """Create or update the five groups with exactly the permissions above (extra ones set by hand go)."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    access_admin = _permission("wagtailadmin", "access_admin")
    file_models = [("wagtaildocs", "document"), ("wagtailimages", "image")]
    groups = {}
    for name in ROLES:
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        if name == ADMINISTRATORS:
            group.permissions.set(Permission.objects.all())
        else:
            permissions = [access_admin]
            for model in get_snippet_models():
                permissions += _model_permissions(model, SNIPPET_PERMISSIONS[name])
            group.permissions.set(permissions)
        GroupPagePermission.objects.filter(group=group).delete()
        if root_page is not None:
            for codename in PAGE_PERMISSIONS.get(name, []):
                GroupPagePermission.objects.create(
                    group=group, page=root_page, permission=_permission("wagtailcore", codename)
                )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for app_label, model_name in file_models:
            for action in FILE_PERMISSIONS[name]:
                GroupCollectionPermission.objects.create(
                    group=group, collection=root_collection, permission=_permission(app_label, f"{action}_{model_name}")
                )
    for page, press_office in reviewed_section_pages():
        if press_office:
            for codename in PRESS_PAGE_PERMISSIONS:
                GroupPagePermission.objects.create(
                    group=groups[PRESS_OFFICERS], page=page, permission=_permission("wagtailcore", codename)
                )
    ensure_review_workflow(groups)
    return groups


def ensure_review_workflow(groups):
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK)
    task.groups.set([groups[MODERATORS], groups[EDITORS], groups[ADMINISTRATORS]])
    workflow, _created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for page, _press_office in reviewed_section_pages():
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
