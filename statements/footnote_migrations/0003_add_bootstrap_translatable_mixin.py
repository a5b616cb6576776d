"""wagtail-footnotes' migration 0003_add_bootstrap_translatable_mixin, unchanged."""

import importlib

Migration = importlib.import_module("wagtail_footnotes.migrations.0003_add_bootstrap_translatable_mixin").Migration
