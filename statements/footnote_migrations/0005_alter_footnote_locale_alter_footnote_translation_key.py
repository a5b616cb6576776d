"""wagtail-footnotes' migration 0005_alter_footnote_locale_alter_footnote_translation_key, unchanged."""

import importlib

Migration = importlib.import_module(
    "wagtail_footnotes.migrations.0005_alter_footnote_locale_alter_footnote_translation_key"
).Migration
