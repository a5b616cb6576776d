"""wagtail-footnotes' migration 0001_initial, unchanged."""

import importlib

Migration = importlib.import_module("wagtail_footnotes.migrations.0001_initial").Migration
