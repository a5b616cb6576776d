"""Admin hooks of desk_admin (filled in by its own change)."""
