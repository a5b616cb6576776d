"""Work that must not make a visitor wait, nor tell them anything by how long the page took: run once the
response has gone out.

`later(function)` inside a request queues `function` until Django's `request_finished` signal, which the
WSGI server fires after it has written the whole response (`response.close()`), so the visitor already has
the page; outside a request (a management command, a shell) it runs at once.

Used for the emails the public forms send. A sign-up of an address already confirmed sends nothing, one of
a new address sends its link: when the link went out before the response, the time a page took told whoever
typed an address whether it was on the mailing list. Sent after the response, both answers take as long.
"""

import logging
import threading

from django.core.signals import request_finished, request_started
from django.dispatch import receiver

logger = logging.getLogger(__name__)
_local = threading.local()


def later(function):
    """Run `function()` after the current response is sent (at once outside a request). Errors are logged."""
    queue = getattr(_local, "queue", None)
    if queue is None:
        _run(function)
    else:
        queue.append(function)


def _run(function):
    try:
        function()
    except Exception:  # the visitor's request has succeeded; what failed after it is for the log
        logger.exception("Work queued after the response failed")


@receiver(request_started, dispatch_uid="wimn-after-response-start")
def _start(sender, **kwargs):
    _local.queue = []


@receiver(request_finished, dispatch_uid="wimn-after-response-finish")
def _finish(sender, **kwargs):
    queue, _local.queue = getattr(_local, "queue", None) or [], None
    for function in queue:
        _run(function)
