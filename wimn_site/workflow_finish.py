"""What happens when a review is approved (WAGTAIL_FINISH_WORKFLOW_ACTION; imported while Wagtail's models load,
so it imports nothing of Wagtail's)."""


def publish_approved(workflow_state, user=None):
    """The approved revision is published, or scheduled when it carries a go-live time (an embargo).

    The approval is the permission: a Moderator who approves publishes, though they cannot publish directly.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
