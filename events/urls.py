"""Language-prefixed files of the events section, addressed below the pages they belong to.

    /<lang>/<events section>/calendar.ics        the subscribable calendar (upcoming and recent events)
    /<lang>/<events section>/feed.xml            Atom feed of new events
    /<lang>/<events section>/<event>/event.ics   one event, to add to a calendar

Wagtail's own page URLs never contain a dot, so these cannot hide a page.
"""

from django.urls import re_path

from . import views

app_name = "events"

urlpatterns = [
    re_path(r"^(?P<path>(?:[-\w]+/)+)(?P<name>calendar\.ics|feed\.xml|event\.ics)$", views.page_file, name="file"),
]
