"""Fetch an event page with everything it shows in ONE query, to stay within the 12-query budget.

The site's frame (site, route, view restrictions, settings, menu, breadcrumbs) uses most of a page's
queries, so the section routes to an event itself: one SELECT brings the event, its campaign and, as
JSON arrays built by PostgreSQL, its speakers, co-sponsors (with their directory organization), topics
and program document with its language versions. `related_objects()` turns those rows back into
(unsaved, read-only) model instances, which `fetch_event` attaches to the event for its template.
"""

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce

from wagtail.models import Page

from campaigns.models import Organization, OrganizationDirectoryPage
from wimn_site.jsonrows import (
    DOC_FIELDS,
    document_from_row,
    document_versions_rows,
    json_rows,
    localized,
)
from wimn_site.models import Topic, WimnDocument
from wimn_site.visibility import visible_versions

from .event import EventCoSponsor, EventPage, EventPerson


def related_annotations():
    program_root = visible_versions(WimnDocument.objects.filter(pk=OuterRef("program_root_id")))
    return {
        "_people_json": ArraySubquery(
            json_rows(
                EventPerson.objects.filter(page_id=OuterRef("pk")).order_by("sort_order", "pk"),
                "name",
                "is_moderator",
                "organization_id",
                "organization_name",
                *localized("role"),
                **Organization.row_fields(),
            )
        ),
        "_cosponsors_json": ArraySubquery(
            json_rows(
                EventCoSponsor.objects.filter(page_id=OuterRef("pk")).order_by("sort_order", "pk"),
                "organization_id",
                *localized("organization_name"),
                **Organization.row_fields(),
            )
        ),
        "_topics_json": ArraySubquery(
            json_rows(Topic.objects.filter(eventpage=OuterRef("pk")), "id", "slug", *localized("name"))
        ),
        "_program_json": Subquery(json_rows(program_root, *DOC_FIELDS)[:1]),
        "_program_versions_json": document_versions_rows(OuterRef("program_root_id")),
    }


def directory_path():
    """The url_path of the live organizations directory (co-sponsors link to their entry there), as a subquery."""
    return Subquery(OrganizationDirectoryPage.objects.live().order_by("path").values("url_path")[:1])


def fetch_event(index, slug, request=None):
    """The live event `slug` of the section `index` with what it shows attached (`fetched_related`), or None."""
    event = (
        EventPage.objects.live()
        .child_of(index)
        .filter(slug=slug)
        .select_related("campaign")
        .annotate(program_root_id=Coalesce("program__original_id", "program_id"))
        .annotate(_directory_path=directory_path(), **related_annotations())
        .first()
    )
    if event is not None:
        event.fetched_related = related_objects(event, request)
    return event


def directory_url(event, request):
    """The URL of the organizations directory in the active language, from the path fetched with the event."""
    path = getattr(event, "_directory_path", "") or ""
    return Page(url_path=path).get_url(request) if path else ""


def related_objects(event, request=None):
    """People, co-sponsors, topics and program of an event fetched by `fetch_event`, as model instances."""
    people = []
    for row in event._people_json or []:
        person = EventPerson(
            name=row["name"],
            organization_name=row.get("organization_name") or "",
            is_moderator=bool(row.get("is_moderator")),
            **{key: row.get(key) for key in localized("role")},
        )
        person.organization = Organization.from_row(row)
        people.append(person)
    cosponsors = []
    directory = directory_url(event, request)
    for row in event._cosponsors_json or []:
        cosponsor = EventCoSponsor(**{key: row.get(key) for key in localized("organization_name")})
        cosponsor.organization = Organization.from_row(row)
        if cosponsor.organization is not None and directory and cosponsor.organization.slug:
            cosponsor.organization.directory_url = f"{directory}{cosponsor.organization.slug}/"
        cosponsors.append(cosponsor)
    topics = sorted((Topic(**row) for row in event._topics_json or []), key=lambda t: (t.name or "").casefold())
    program = None
    if event._program_json:
        program = document_from_row(event._program_json, versions=event._program_versions_json or [])
    return {"people": people, "cosponsors": cosponsors, "topics": topics, "program": program}
