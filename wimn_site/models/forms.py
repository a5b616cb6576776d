from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from ..forms import serve_form_page
from .mixins import TranslatedPageMixin
from .site_settings import SiteSettings
from .submissions import CONTACT, NEWSLETTER, PURPOSES


class FormPage(TranslatedPageMixin, Page):
    """A mailing-list sign-up or contact form: visitors' submissions are stored and emailed to staff.

    The fields are fixed (name, email, organization, message, consent) so their labels and errors come
    from the interface translations in every language; editors choose the purpose and write the texts
    around the form. Spam is kept out by a honeypot field and a per-address rate limit (wimn_site.forms).
    """

    NEWSLETTER = NEWSLETTER
    CONTACT = CONTACT
    PURPOSES = PURPOSES

    purpose = models.CharField(
        _("purpose"),
        max_length=20,
        choices=PURPOSES,
        default=NEWSLETTER,
        help_text=_("A mailing-list sign-up asks for name and email; a contact form adds a message."),
    )
    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences shown under the title."))
    thank_you_text = models.TextField(
        _("thank-you text"),
        blank=True,
        help_text=_(
            "Shown after a successful submission; for a mailing list, once the visitor has confirmed their "
            "address. Leave empty for a standard thank-you."
        ),
    )
    to_address = models.CharField(
        _("notify"),
        max_length=500,
        blank=True,
        help_text=_(
            "Staff email addresses, separated by commas, that receive each submission. "
            "Leave empty to use the contact email of the site settings."
        ),
    )

    content_panels = TranslatedPageMixin.content_panels + [
        FieldPanel("purpose"),
        FieldPanel("intro"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel([FieldPanel("to_address")], heading=_("Notifications")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    translation_required_fields = ("title", "intro")
    allowed_methods = ("GET", "HEAD", "POST")
    parent_page_types = ["wimn_site.HomePage", "wimn_site.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("form page")

    @property
    def is_newsletter(self):
        return self.purpose == self.NEWSLETTER

    def recipients(self):
        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        if addresses:
            return addresses
        site = self.get_site()
        return [SiteSettings.for_site(site).contact_email] if site else [settings.WIMN_DEFAULT_CONTACT_EMAIL]

    def serve(self, request, *args, **kwargs):
        return serve_form_page(self, request, *args, **kwargs)
