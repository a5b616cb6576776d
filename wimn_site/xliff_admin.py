"""Admin hooks of xliff_admin (filled in by its own change)."""
