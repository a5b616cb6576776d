"""schema.org `Event` data of an event page (written as JSON-LD by base.html's structured data)."""

from django.utils import translation

from wimn_site.site_urls import absolute_url

ATTENDANCE = {
    "in-person": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "hybrid": "MixedEventAttendanceMode",
}
STATUS = {
    "scheduled": "EventScheduled",
    "postponed": "EventPostponed",
    "cancelled": "EventCancelled",
    "moved-online": "EventMovedOnline",
}


def event_data(event, request, people=(), cosponsors=(), organizers=(), co_organizers=()):
    """The schema.org Event of `event` in the active language, times with their UTC offset; its organizers are
    those named, else the network, and the co-organizers with them."""
    language = translation.get_language()

    def absolute(url):
        return absolute_url(request, url)

    attendance = ATTENDANCE.get(event.format, "OfflineEventAttendanceMode")
    if event.status == event.MOVED_ONLINE:
        attendance = "OnlineEventAttendanceMode"
    locations = []
    if event.is_in_person:
        address = " ".join(event.address.split())
        place = {"@type": "Place", "name": event.venue or address}
        if address:
            place["address"] = address
        locations.append(place)
    if event.is_online:
        virtual = {"@type": "VirtualLocation"}
        if event.online_url:
            virtual["url"] = event.online_url
        locations.append(virtual)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": event.local_start.isoformat(),
        "endDate": event.local_end.isoformat(),
        "eventAttendanceMode": f"https://schema.org/{attendance}",
        "eventStatus": f"https://schema.org/{STATUS.get(event.status, 'EventScheduled')}",
        "inLanguage": language,
        "url": absolute(event.get_url(request)),
        "organizer": {
            "@type": "Organization",
            "name": "Women in Migration Network",
            "url": absolute(f"/{language}/"),
        },
    }

    def named(rows):
        return [{"@type": "Organization", "name": row.organization_display} for row in rows if row.organization_display]

    organizing = (named(organizers) or [data["organizer"]]) + named(co_organizers)
    data["organizer"] = organizing[0] if len(organizing) == 1 else organizing
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    sponsors = [
        {"@type": "Organization", "name": sponsor.organization_display}
        for sponsor in cosponsors
        if sponsor.organization_display
    ]
    if sponsors:
        data["sponsor"] = sponsors
    performers = []
    for person in people:
        entry = {"@type": "Person", "name": person.name}
        if person.organization_display:
            entry["affiliation"] = {"@type": "Organization", "name": person.organization_display}
        performers.append(entry)
    if performers:
        data["performer"] = performers
    return data
