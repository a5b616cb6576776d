"""What visitors send through the form pages (wimn_site.models.forms): kept here, apart from the page model,
so that the form handling (wimn_site.forms, wimn_site.subscriptions) can use it without importing the page."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .. import after_response

logger = logging.getLogger(__name__)

NEWSLETTER = "newsletter"
CONTACT = "contact"
PURPOSES = [(NEWSLETTER, _("Join the mailing list")), (CONTACT, _("Contact message"))]


class FormSubmission(models.Model):
    """One visitor's sign-up or message, kept in the database so nothing is lost if email fails.

    A mailing-list sign-up counts only once its address is confirmed through the emailed link
    (`confirmed_at`, wimn_site.subscriptions); there is one sign-up per address and form. The consent
    sentence is stored as the visitor read it, in their language, as the record of what they agreed to.
    Submissions are deleted after the retention period (`purge_visitor_data`).
    """

    page = models.ForeignKey(
        "wimn_site.FormPage", verbose_name=_("form"), null=True, on_delete=models.SET_NULL, related_name="submissions"
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=PURPOSES)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email"))
    organization = models.CharField(_("organization"), max_length=200, blank=True)
    message = models.TextField(_("message"), blank=True)
    consent = models.BooleanField(_("consent given"), default=False)
    consent_text = models.TextField(
        _("consent text"), blank=True, editable=False, help_text=_("The sentence the visitor agreed to, as shown.")
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(
        _("address confirmed at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the visitor followed the confirmation link (mailing-list sign-ups only)."),
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "page",
                condition=models.Q(purpose="newsletter"),
                name="one_sign_up_per_address_and_form",
                violation_error_message=_("This address has already signed up through this form."),
            )
        ]

    def __str__(self):
        return f"{self.get_purpose_display()}: {self.name or self.email}"

    @property
    def is_sign_up(self):
        return self.purpose == NEWSLETTER

    def sign_up_status(self):
        if not self.is_sign_up:
            return ""
        return _("confirmed") if self.confirmed_at else _("waiting for confirmation")

    sign_up_status.short_description = _("sign-up")

    def notify_staff(self):
        """Email the form's recipients; a mail outage is logged, never raised (the row is already stored)."""
        page = self.page.specific if self.page else None
        lines = [
            f"Form: {page.title} ({page.get_full_url()})" if page else "Form: (deleted)",
            f"Purpose: {self.purpose}",
            f"Language: {self.language}",
            f"Name: {self.name}",
            f"Email: {self.email}",
            f"Organization: {self.organization}",
            f"Consent: {self.consent_text}",
        ]
        if self.confirmed_at:
            lines.append(f"Address confirmed at: {self.confirmed_at.isoformat(timespec='seconds')}")
        lines += [
            "",
            self.message,
            "",
            "Details: " + settings.WAGTAILADMIN_BASE_URL + reverse("form_submissions:inspect", args=[self.pk]),
        ]
        who = " ".join((self.name or self.email).split())[:80]
        kind = "Mailing-list sign-up" if self.is_sign_up else "Contact message"
        message = EmailMessage(
            subject=f"[WIMN website] {kind}: {who}",
            body="\n".join(lines),
            to=page.recipients() if page else [settings.WIMN_DEFAULT_CONTACT_EMAIL],
            reply_to=[self.email],
        )
        after_response.later(lambda: self._send(message))

    def _send(self, message):
        """After the visitor has the page (wimn_site.after_response): a slow mail server never slows the form."""
        try:
            message.send()
        except Exception:  # the submission is stored; a mail outage must not lose it or show an error
            logger.exception("Could not email form submission %s", self.pk)

    notify_staff.alters_data = True
