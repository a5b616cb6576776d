"""Admin hooks of translators_admin (filled in by its own change)."""
