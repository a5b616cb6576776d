from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact details and social profiles shown in the footer and in structured data."""

    contact_email = models.EmailField(_("contact email"), default=settings.WIMN_DEFAULT_CONTACT_EMAIL)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    twitter_handle = models.CharField(_("X / Twitter handle"), max_length=50, blank=True, help_text=_("Without the @."))
    instagram_url = models.URLField(_("Instagram"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)

    panels = [
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("twitter_handle"),
                FieldPanel("instagram_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social profiles"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def twitter_url(self):
        return f"https://x.com/{self.twitter_handle}" if self.twitter_handle else ""

    @property
    def social_links(self):
        """(label, url) pairs for the footer and for JSON-LD `sameAs`."""
        pairs = [
            ("Facebook", self.facebook_url),
            ("X / Twitter", self.twitter_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in pairs if url]
