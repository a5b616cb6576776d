"""wagtail-footnotes' migration 0004_boostrap_translatable_mixin_data_migration, unchanged."""

import importlib

Migration = importlib.import_module(
    "wagtail_footnotes.migrations.0004_boostrap_translatable_mixin_data_migration"
).Migration
