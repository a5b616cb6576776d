from django.apps import AppConfig
from django.db import DatabaseError, transaction
from django.db.models.signals import post_migrate, pre_save


class WimnSiteConfig(AppConfig):
    name = "wimn_site"
    verbose_name = "WIMN site"

    def ready(self):
        # Imported for their signal receivers: the cached sitemap, the search index, the translation desk,
        # the caches' invalidation, the work done after a response.
        from . import after_response, cache_invalidation, frame, sitemaps, translation_status  # noqa: F401
        from .search import signals  # noqa: F401

        # New code, or data changed by a migration: what is kept under the frame's version (the frame, the pages
        # routes start from, pickled by the code that built them) is rebuilt on the next request.
        post_migrate.connect(forget_kept_values, sender=self, dispatch_uid="wimn-forget-kept-after-migrate")
        pre_save.connect(frame.refuse_to_save_a_kept_copy, dispatch_uid="wimn-refuse-to-save-a-kept-copy")


def forget_kept_values(**kwargs):
    from .kept import forget

    try:
        with transaction.atomic():
            forget()
    except DatabaseError:  # a database cache whose table is not made yet (a first migrate): nothing is kept
        pass
