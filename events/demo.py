"""Builds the events section's demo content from events/demo.yaml (see wimn_site.demo_data for the format)."""

import datetime

from django.core.files.base import ContentFile

from campaigns.models import CampaignPage, Organization
from wimn_site.demo_data import bodies, included
from wimn_site.demo_documents import statement_pdf
from wimn_site.factories import DocumentFactory, translated
from wimn_site.models import Topic

from .factories import EventIndexPageFactory, EventPageFactory
from .models import EventPage, EventParticipant
from .times import now

FORMATS = (EventPage.IN_PERSON, EventPage.ONLINE, EventPage.HYBRID)
ROLES = {"moderator": EventParticipant.MODERATOR, "speaker": EventParticipant.SPEAKER}


def _choice(node, choices):
    value = node.text(blank=False)
    if value not in choices:
        raise node.error(f"one of {', '.join(choices)}")
    return value


def _program(node):
    if node.value is None:
        return None
    title, language, year = node["title"].text(blank=False), node["language"].text(blank=False), node["year"].value
    paragraphs = [p.text(blank=False) for p in node["paragraphs"].items()]
    return DocumentFactory(
        title=title,
        doc_type="program",
        language=language,
        year=year,
        # a real A4 file of the programme's lines (the library's size and 'Read online' show what users would see)
        file=ContentFile(statement_pdf(title, language, year, paragraphs), name=node["file"].text(blank=False)),
    )


def create_event(index, spec, organizations, campaigns, examples=True):
    """One event page and its participants from the `events[i]` node `spec`; with `examples` off, the values it
    lists under ``examples`` (a time or venue the seeds do not give) are its ``without_examples`` ones, or blank."""
    zone = spec["timezone"].zone()
    start = spec.field("starts", examples).datetime(zone)
    ends = spec.field("ends", examples)
    end = ends.datetime(zone)
    if end < start:
        raise ends.error(f"after the start ({start:%Y-%m-%d %H:%M})")
    campaign = None
    if spec.get("campaign").value:
        campaign = campaigns.get(spec["campaign"].text())
        if campaign is None:
            raise spec["campaign"].error("a campaign of the demo")
    titles = spec["title"].translated()
    summaries = spec["summary"].translated()
    event = EventPageFactory(
        parent=index,
        slug=spec["slug"].text(blank=False),
        title=titles["en"],
        summary=summaries["en"],
        timezone=str(zone),
        start=start,
        end=end,
        format=_choice(spec["format"], FORMATS),
        address=spec.field("address", examples).text(),
        online_url=spec.field("online_url", examples).text(),
        registration_url=spec.get("registration_url").text(),
        campaign=campaign,
        program=_program(spec.get("program")),
        is_example=spec.is_example(),
        # announced some weeks before it takes place (or today, for an upcoming one), for the feed
        first_published_at=min(start - datetime.timedelta(days=21), now()),
        **translated("title", titles),
        **translated("summary", summaries),
        **translated("body", bodies(spec.field("body", examples))),
        **translated("venue", spec.field("venue", examples).translated(required=())),
    )

    def organization(role, node):
        # linked to the campaigns app's directory when the organization is there, a plain name otherwise
        slug = node.get("organization").text()
        names = node["name"].translated()
        return {"role": role, "organization": organizations.get(slug), **translated("organization_name", names)}

    rows = [organization(EventParticipant.ORGANIZER, org) for org in spec.get("organizers").items()]
    rows += [
        {
            "role": ROLES[_choice(person["role"], tuple(ROLES))],
            "name": person["name"].text(blank=False),
            **translated("organization_name", person.get("organization").translated(required=())),
            **translated("position", person.get("position").translated(required=())),
        }
        for person in spec.get("people").items()
    ]
    rows += [organization(EventParticipant.CO_SPONSOR, org) for org in spec.get("cosponsors").items()]
    for order, row in enumerate(rows):
        EventParticipant.objects.create(page=event, sort_order=order, **row)
    slugs = [topic.text(blank=False) for topic in spec.get("topics").items()]
    topics = list(Topic.objects.filter(slug__in=slugs))
    if topics:
        event.topics.set(topics)
        event.save()
    return event


def build(home, data, examples=True):
    """The events section under `home`, with past and (example) upcoming events."""
    spec = data["index"]
    titles = spec["title"].translated()
    index = EventIndexPageFactory(
        parent=home,
        show_in_menus=True,
        slug=spec["slug"].text(blank=False),
        title=titles["en"],
        **translated("title", titles),
        **translated("intro", spec["intro"].translated()),
    )
    organizations = {org.slug: org for org in Organization.objects.all()}
    campaigns = {page.slug: page for page in CampaignPage.objects.all()}
    for event in included(data["events"], examples):
        create_event(index, event, organizations, campaigns, examples)
    return index
