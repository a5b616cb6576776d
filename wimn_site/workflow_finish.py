"""What happens when a review is approved (WAGTAIL_FINISH_WORKFLOW_ACTION; imported while Wagtail's models load,
so it imports nothing of Wagtail's)."""


def publish_approved(workflow_state, user=None):
    """The approved revision is published, or scheduled when it carries a go-live time (an embargo).

    The approval is the permission: a Moderator who approves publishes, though they cannot publish directly.
    What is published is what the approver saw: the revision the reviewers were shown (the task's), or the
    approver's own revision when they approved from the editor (which saves what they had on screen). A
    draft someone else saved while the review was under way stays a draft, to be submitted in its turn.
    """
    latest = workflow_state.content_object.get_latest_revision()
    task_state = workflow_state.current_task_state
    revision = task_state.revision if task_state and task_state.revision_id else latest
    if user is not None and latest is not None and latest.user_id == user.pk:
        revision = latest
    revision.publish(user=user, skip_permission_checks=True)
