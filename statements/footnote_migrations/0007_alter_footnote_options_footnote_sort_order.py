"""wagtail-footnotes' migration 0007_alter_footnote_options_footnote_sort_order, unchanged."""

import importlib

Migration = importlib.import_module(
    "wagtail_footnotes.migrations.0007_alter_footnote_options_footnote_sort_order"
).Migration
