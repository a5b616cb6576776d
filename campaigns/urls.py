"""Language-prefixed views of this app (feeds, calendars)."""

urlpatterns = []
