"""wagtail-footnotes' migration 0002_alter_footnote_unique_together, unchanged."""

import importlib

Migration = importlib.import_module("wagtail_footnotes.migrations.0002_alter_footnote_unique_together").Migration
