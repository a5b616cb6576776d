from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationRecord(models.Model):
    """What the translation desk knows of one language of one page or snippet (wimn_site.translation_status).

    The English row keeps the fingerprint of the English source and when it last changed; each other
    language keeps the fingerprint of the English it was translated from (or checked against), so a
    translation is *stale* when the two differ, *missing* when it is empty, and *up to date* otherwise.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    content_object = GenericForeignKey("content_type", "object_id")
    language = models.CharField(max_length=8)
    filled = models.BooleanField(default=False)
    # English: its own source. Another language: the English it was last translated from or checked against.
    source_fingerprint = models.CharField(max_length=64, blank=True)
    # This language's own text, to tell whether a save changed it.
    own_fingerprint = models.CharField(max_length=64, blank=True)
    # English: when its source last changed. Another language: when it was last translated or checked.
    changed_at = models.DateTimeField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The revision whose English this language was translated from (for "what changed in English since").
    source_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "language"], name="one_record_per_language")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} {self.language}"


class TranslatorProfile(models.Model):
    """The languages a staff member translates into. Empty: not limited (they may edit every language)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="translator_profile", verbose_name=_("user")
    )
    languages = ArrayField(
        models.CharField(max_length=8),
        default=list,
        blank=True,
        verbose_name=_("languages"),
        help_text=_("The languages this person translates into; the editor then offers them only those fields."),
    )

    class Meta:
        verbose_name = _("translator")
        verbose_name_plural = _("translators")

    def __str__(self):
        return f"{self.user} ({', '.join(self.languages)})"
