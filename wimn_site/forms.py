"""The mailing-list and contact form: validation, honeypot, rate limit, storage and the staff email.

A contact message is stored and emailed to staff at once; a mailing-list sign-up waits for its address to
be confirmed (wimn_site.subscriptions). Kept out of models.py so the ModelForm is built after
modeltranslation has added its columns.
"""

import datetime
import logging

from django import forms
from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.timesince import timeuntil
from django.utils.translation import gettext_lazy as _

from . import ratelimit
from .client_ip import client_ip
from .models.submissions import FormSubmission
from .subscriptions import CONFIRMATION_DAYS, sign_up

logger = logging.getLogger(__name__)

HONEYPOT = "website"


def rate_limit():
    """(submissions, seconds): how many form posts one address may make in a window."""
    return getattr(settings, "WIMN_FORM_RATE_LIMIT", (5, 60 * 60))


class SubmissionForm(forms.ModelForm):
    """Name, email, organization, message (contact forms only), consent, and the honeypot field."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        help_text=_("This field catches automated spam; people do not need to fill it in."),
    )
    consent = forms.BooleanField(required=True)

    class Meta:
        model = FormSubmission
        fields = ["name", "email", "organization", "message", "consent"]
        labels = {
            "name": _("Your name"),
            "email": _("Email address"),
            "organization": _("Organization (optional)"),
            "message": _("Your message"),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organization": forms.TextInput(attrs={"autocomplete": "organization"}),
            "message": forms.Textarea(attrs={"rows": 6, "maxlength": 5000}),
        }

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        if page.is_newsletter:
            del self.fields["message"]
            self.fields["name"].label = _("Your name (optional)")
            self.fields["consent"].label = _("Yes, send me the network's news and calls to action by email.")
        else:
            self.fields["name"].required = True
            self.fields["message"].required = True
            self.fields["consent"].label = _("I agree that the network keeps my message and email address to reply.")
        self.fields["consent"].error_messages["required"] = _("Please tick this box so that we may use your email.")

    @property
    def consent_text(self):
        """The consent sentence as this visitor read it, in the language of the request."""
        return str(self.fields["consent"].label)

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:  # screen readers read the error with the field
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"

    def clean_message(self):
        message = self.cleaned_data.get("message", "")
        if len(message) > 5000:
            raise forms.ValidationError(_("Please keep your message under 5,000 characters."))
        return message

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT))


def _count_post(request):
    """Count this post against the sender's real address (see wimn_site.client_ip) in its window."""
    limit, window = rate_limit()
    return ratelimit.hit("form-post", client_ip(request), limit=limit, window=window)


def _duration(seconds):
    """ "1 hour", "12 minutes", ... in the active language."""
    now = timezone.now()
    return timeuntil(now + datetime.timedelta(seconds=seconds), now)


def serve_form_page(page, request, *args, **kwargs):
    """GET shows the form (or the thank-you after a redirect); POST validates, stores and emails.

    Every accepted post gets the same redirect to the thank-you, whether or not the address had signed up
    before, so the form never tells anyone who is on the mailing list. An invalid post is answered 400
    with the errors, an address over its rate limit 429.
    """
    status = 200
    if request.method == "POST":
        form = SubmissionForm(request.POST, page=page)
        counted = _count_post(request)
        if not counted.allowed:
            form.is_valid()  # errors still shown, but nothing is stored
            form.add_error(
                None,
                _("Too many submissions came from your connection. Please wait %(duration)s and try again.")
                % {"duration": _duration(counted.retry_after)},
            )
            status = 429
        elif form.is_spam:
            logger.info("Form honeypot filled on page %s; submission discarded", page.pk)
            return HttpResponseRedirect(f"{request.path}?sent=1", status=303)
        elif form.is_valid():
            submission = form.save(commit=False)
            submission.page = page
            submission.purpose = page.purpose
            submission.language = translation.get_language()
            submission.consent_text = form.consent_text
            if page.is_newsletter:
                sign_up(submission, request)
            else:
                submission.save()
                submission.notify_staff()
            return HttpResponseRedirect(f"{request.path}?sent=1", status=303)
        else:
            # The form again with its errors. A 400, so that monitoring, caches and bots see a refusal: a post
            # with the wrong content type (JSON, XML) or no fields at all ends here too.
            status = 400
    else:
        form = SubmissionForm(page=page)
    context = page.get_context(request, *args, **kwargs)
    context["form"] = form
    context["sent"] = request.method == "GET" and request.GET.get("sent") == "1"
    context["confirmation_days"] = CONFIRMATION_DAYS
    return TemplateResponse(request, page.get_template(request, *args, **kwargs), context, status=status)
