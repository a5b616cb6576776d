"""Double opt-in for the mailing list: a sign-up waits, unconfirmed, until its address follows the emailed link.

The link carries a signed token (django.core.signing: salted, timestamped) naming the sign-up, under the
visitor's language prefix. It works for CONFIRMATION_DAYS; then `purge_visitor_data` deletes the sign-up if
still unconfirmed. Opening the link shows a button, and only its POST confirms: mail scanners that fetch
every link of a message must not sign anyone up. Staff are notified once the address is confirmed.

Signing up again never tells the visitor whether an address is on the list (the answer is the same
thank-you): a confirmed sign-up is left as it is; a pending one gets its link again (nothing else about it
changes), at most CONFIRMATION_EMAILS_PER_DAY times a day per mailbox, whoever asks and from wherever.

The page that confirms is `wimn_site.views.confirm_sign_up`.
"""

import logging

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from . import after_response, ratelimit
from .models.submissions import NEWSLETTER, FormSubmission
from .site_urls import absolute_url

logger = logging.getLogger(__name__)

CONFIRMATION_DAYS = 7
CONFIRMATION_EMAILS_PER_DAY = 3
SALT = "wimn_site.subscriptions.confirm"


def confirmation_url(submission, request):
    """The absolute confirmation link of a sign-up, under the prefix of the sign-up's language."""
    with translation.override(submission.language):
        path = reverse("wimn_confirm_sign_up", args=[signing.dumps(submission.pk, salt=SALT)])
    return absolute_url(request, path)  # the Site's address, whatever Host the request carried


def sign_up(submission, request):
    """Store an unsaved newsletter submission as a pending sign-up and email its link, once per address and form."""
    existing = FormSubmission.objects.filter(
        page=submission.page, purpose=NEWSLETTER, email__iexact=submission.email
    ).first()
    if existing is not None and existing.confirmed_at:
        return
    if existing is not None:
        # The link again (within the caps), and nothing else: whoever typed the address cannot change what the
        # pending sign-up says, nor keep it alive past its week to mail someone a link every day.
        submission = existing
    else:
        try:
            with transaction.atomic():
                submission.save()
        except IntegrityError:  # the same address sent twice at the same instant: the other post sends the link
            return
    # The caps, the message and the mail server's time all come after the visitor has the page: a confirmed
    # address sends nothing, and how long the page took must not tell which addresses are on the list.
    after_response.later(lambda: send_confirmation(submission, request))


def mailbox(email):
    """The mailbox an address reaches, as the caps count it: case, a "+tag" and (at Gmail) dots make no
    new mailbox, so `target+1@...` and `t.arget@gmail.com` share the allowance of `target@...`."""
    local, _at, domain = email.casefold().rpartition("@")
    local = local.split("+", 1)[0]
    if domain in ("gmail.com", "googlemail.com"):
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


def send_confirmation(submission, request):
    """Email the visitor, in their language, the link that confirms their sign-up.

    At most CONFIRMATION_EMAILS_PER_DAY links a day reach one mailbox, and WIMN_CONFIRMATION_EMAILS_PER_HOUR
    leave the site in all, so the form cannot be turned into a way to flood someone's inbox.
    """
    for scope, key, limit, window in (
        ("confirmation-email", mailbox(submission.email), CONFIRMATION_EMAILS_PER_DAY, 24 * 60 * 60),
        ("confirmation-email-all", "site", settings.WIMN_CONFIRMATION_EMAILS_PER_HOUR, 60 * 60),
    ):
        if not ratelimit.hit(scope, key, limit=limit, window=window).allowed:
            logger.warning("Confirmation email for sign-up %s not sent: over the %s cap", submission.pk, scope)
            return
    with translation.override(submission.language):
        context = {"url": confirmation_url(submission, request), "days": CONFIRMATION_DAYS}
        message = EmailMessage(
            subject=gettext("Please confirm your subscription to the Women in Migration Network mailing list"),
            body=render_to_string("wimn_site/emails/confirm_sign_up.txt", context),
            to=[submission.email],
        )
    try:
        message.send()
    except Exception:  # the sign-up is stored; signing up again sends a new link
        logger.exception("Could not email the confirmation link of sign-up %s", submission.pk)
