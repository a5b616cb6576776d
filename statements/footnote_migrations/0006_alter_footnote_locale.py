"""wagtail-footnotes' migration 0006_alter_footnote_locale, unchanged."""

import importlib

Migration = importlib.import_module("wagtail_footnotes.migrations.0006_alter_footnote_locale").Migration
