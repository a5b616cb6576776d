"""wagtail-footnotes' migrations (MIGRATION_MODULES in settings), then ours.

Each upstream migration is re-exported unchanged under its own name, so the package stays the source of
truth; ours (from 0008) add the per-language columns of `Footnote.text` that modeltranslation registers
(statements/translation.py). When a new wagtail-footnotes release adds a migration, re-export it here
under its name and make ours depend on it (`makemigrations wagtail_footnotes` then writes the rest).
"""
