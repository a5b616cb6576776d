"""What happens when a review is approved (WAGTAIL_FINISH_WORKFLOW_ACTION; imported while Wagtail's models load,
so it imports nothing of Wagtail's)."""


def publish_approved(workflow_state, user=None):
    """The approved revision is published, or scheduled when it carries a go-live time (an embargo).

    The approval is the permission: a Moderator who approves publishes, though they cannot publish directly.
    What is published is the revision the reviewers were shown (the last task's), never a draft someone saved
    while the review was under way; such a later draft stays a draft, to be submitted in its turn.
    """
    task_state = workflow_state.current_task_state
    revision = task_state.revision if task_state and task_state.revision_id else None
    revision = revision or workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
