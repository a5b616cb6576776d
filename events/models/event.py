"""An event page and the rows that hang off it: its participants (organizers, co-organizers, co-sponsors,
moderators, speakers and rapporteurs), each with its role."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from campaigns.models import FiledUnderCampaign, OrganizationDirectoryPage, OrganizationOrName
from wimn_site.blocks import BaseStreamBlock
from wimn_site.frame import site_frame
from wimn_site.models import TranslatedPageMixin
from wimn_site.related import by_name, original_id, originals, page_links, with_organization

from .. import times
from ..forms import EventPageForm
from ..structured_data import event_data


def available_in_q(model, language):
    """SQL condition: the page's required translated fields are filled in `language` (English always is)."""
    if language == settings.LANGUAGE_CODE:
        return Q()
    condition = Q()
    for name in model.translation_required_fields:
        condition &= Q(**{f"{name}_{language}__gt": ""})
    return condition


# The columns of an event's body in every language: a card (a listing, the home page) shows none of them, so
# their JSON is left unread there (`.defer(*BODY_COLUMNS)`).
BODY_COLUMNS = ("body", *(f"body_{code}" for code, _name in settings.LANGUAGES))


class EventPage(FiledUnderCampaign, TranslatedPageMixin, Page):
    """One side event, caucus or webinar, with its own time zone, its people and its co-sponsors.

    `start` and `end` are aware datetimes; `timezone` names the IANA zone the event happens in, and
    is how its times are shown and exported (an event at 4 pm in New York reads 4 pm EDT).
    """

    IN_PERSON, ONLINE, HYBRID = "in-person", "online", "hybrid"
    FORMATS = [
        (IN_PERSON, _("In person")),
        (ONLINE, _("Online")),
        (HYBRID, _("In person and online")),
    ]
    SCHEDULED, POSTPONED, CANCELLED, MOVED_ONLINE = "scheduled", "postponed", "cancelled", "moved-online"
    STATUSES = [
        (SCHEDULED, _("Scheduled")),
        (POSTPONED, _("Postponed")),
        (CANCELLED, _("Cancelled")),
        (MOVED_ONLINE, _("Moved online")),
    ]

    start = models.DateTimeField(_("starts"), db_index=True)
    end = models.DateTimeField(_("ends"), db_index=True)
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=times.timezone_choices,
        default="America/New_York",
        validators=[times.validate_timezone],
        help_text=_("Where the event takes place; online events use the organizers' zone."),
    )
    format = models.CharField(_("format"), max_length=20, choices=FORMATS, default=IN_PERSON)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=STATUSES,
        default=SCHEDULED,
        help_text=_("Tell visitors when an event is postponed, cancelled or moved online."),
    )
    venue = models.CharField(
        _("venue"), max_length=255, blank=True, help_text=_("E.g. UN Headquarters, Conference Room 11.")
    )
    address = models.TextField(_("address"), blank=True, help_text=_("Street address and city, as on an envelope."))
    online_url = models.URLField(
        _("online or livestream link"),
        blank=True,
        max_length=500,
        help_text=_("Where to watch or join: a livestream such as UN Web TV (webtv.un.org) or the meeting link."),
    )
    registration_url = models.URLField(_("registration link"), blank=True, max_length=500)
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("One or two sentences for listings, feeds and calendars.")
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    program = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The programme or concept note; its translations are offered to visitors in their language."),
    )
    is_example = models.BooleanField(
        _("example"),
        default=False,
        help_text=_('Demo content that is not part of the network\'s record; the admin labels it "Example".'),
    )

    content_panels = TranslatedPageMixin.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("timezone")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("format"), FieldPanel("status")]),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("online_url"),
                FieldPanel("registration_url"),
            ],
            heading=_("Where and how to take part"),
        ),
        FieldPanel("body"),
        InlinePanel(
            "participants",
            label=_("Participant"),
            heading=_("Organizers, co-sponsors and speakers"),
            help_text=_(
                "Who organized the event, co-organized it with the network, co-sponsored it, moderated it, spoke "
                "or served as rapporteur: one row each, in the order the programme names them."
            ),
        ),
        FieldPanel("program"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("campaign"),
        FieldPanel("is_example"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    base_form_class = EventPageForm
    # What the page shows beyond its own columns (see `related_objects`). The section's route sets it
    # (queries.fetch_event), so a served event reads it without a query.
    fetched_related = None
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    translation_required_fields = ("title", "summary")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start"]

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        if self.is_example:
            # Translators: marks demo content the network's record does not hold, in the admin's page listings
            return _("%(title)s (Example)") % {"title": title}
        return title

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    # Times, read in the event's own zone -------------------------------------------------------

    @property
    def zone(self):
        return times.zone_of(self.timezone)

    @property
    def local_start(self):
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.zone)

    def has_ended(self, moment=None):
        """True once the event is over, read from the clock."""
        return self.end < (moment or times.now())

    def is_happening(self, moment=None):
        moment = moment or times.now()
        return self.start <= moment <= self.end

    # What is shown --------------------------------------------------------------------------------

    @property
    def is_in_person(self):
        return self.format in (self.IN_PERSON, self.HYBRID) and self.status != self.MOVED_ONLINE

    @property
    def is_online(self):
        return self.format in (self.ONLINE, self.HYBRID) or self.status == self.MOVED_ONLINE

    @property
    def location_text(self):
        """One line for calendars: venue and address, or "Online" with the link."""
        parts = []
        if self.is_in_person:
            parts += [self.venue, " ".join(self.address.split())]
        if self.is_online and not parts:
            parts.append(str(_("Online")))
        return ", ".join(part for part in parts if part)

    def get_cached_paths(self):
        return ["/", "/event.ics"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        moment = times.now()
        related = self.related_objects(request)
        roles = related["roles"]
        context["organized_by"] = organized_by(roles[EventParticipant.ORGANIZER], roles[EventParticipant.CO_ORGANIZER])
        context["moderators"] = roles[EventParticipant.MODERATOR]
        context["speakers"] = roles[EventParticipant.SPEAKER]
        context["rapporteurs"] = roles[EventParticipant.RAPPORTEUR]
        context["cosponsors"] = roles[EventParticipant.CO_SPONSOR]
        context["topics"] = related["topics"]
        # The campaign as a link (title, URL, slug), when visitors may see it.
        context["campaign"] = page_links([self.campaign_id], request).get(self.campaign_id)
        context["program_document"] = related["program"]
        context["has_ended"] = self.has_ended(moment)
        context["is_happening"] = self.is_happening(moment)
        context["online_host"] = urlsplit(self.online_url).hostname or "" if self.online_url else ""
        # Slugs are shared by every language, so the section's URL is this page's URL without its slug.
        url = self.get_url(request) or ""
        suffix = f"{self.slug}/"
        context["index_url"] = url[: -len(suffix)] if url.endswith(suffix) else ""
        context["ics_url"] = f"{url}event.ics"
        return context

    def get_structured_data(self, request):
        """The schema.org Event, written as JSON-LD by base.html (see wimn_site.templatetags.wimn_seo)."""
        related = self.related_objects(request)
        roles = related["roles"]
        people = [row for role in EventParticipant.PERSON_ROLES for row in roles[role]]
        return event_data(
            self,
            request,
            people=people,
            cosponsors=roles[EventParticipant.CO_SPONSOR],
            organizers=roles[EventParticipant.ORGANIZER],
            co_organizers=roles[EventParticipant.CO_ORGANIZER],
        )

    def related_lookups(self):
        """The relations the page shows, read with one query each (`wimn_site.related`)."""
        return [
            with_organization("participants", EventParticipant),
            "topics",
        ]

    def related_objects(self, request=None):
        """Participants by role, topics and program: those the section's fetch attached when the page came
        that way, else (previews, code) read once from the page's (possibly unsaved) relations."""
        if self.fetched_related is None:
            self.fetched_related = self.read_related(request)
        return self.fetched_related

    def read_related(self, request=None):
        program = None
        if self.program_id:
            root = original_id(self.program)
            program = originals([root]).get(root)
        roles = {role: [] for role, _label in EventParticipant.ROLES}
        directory = self.directory_url(request)
        for participant in sorted(self.participants.all(), key=lambda row: row.sort_order or 0):
            if participant.organization is not None and directory and participant.organization.slug:
                participant.organization.directory_url = f"{directory}{participant.organization.slug}/"
            roles.setdefault(participant.role, []).append(participant)
        return {
            "roles": roles,
            "topics": by_name(self.topics.all()),
            "program": program,
        }

    @staticmethod
    def directory_url(request):
        """The organizations directory's URL in the active language (co-sponsors link to their entry there)."""
        frame = site_frame(request) if request is not None else None
        directory = frame.section(OrganizationDirectoryPage) if frame is not None else None
        return directory.url if directory is not None else ""


def organization_link(participant):
    """A participant's organization as HTML: linked to its directory entry (else its website) when it has one,
    with the directory's acronym after a name that does not hold it."""
    name = participant.organization_display
    organization = participant.organization if participant.organization_id else None
    if organization is None:
        return conditional_escape(name)
    url = getattr(organization, "directory_url", "") or organization.website
    html = format_html('<a href="{}">{}</a>', url, name) if url else conditional_escape(name)
    if organization.acronym and organization.acronym not in name:
        html = format_html("{} ({})", html, organization.acronym)
    return html


def name_list(items):
    """HTML items joined as a sentence in the active language: "A", "A and B", "A, B and C"."""
    items = [conditional_escape(item) for item in items]
    if len(items) < 2:
        return mark_safe("".join(items))  # escaped above
    return format_html(
        _("%(list)s and %(last)s") % {"list": "{list}", "last": "{last}"},
        list=mark_safe(", ".join(items[:-1])),  # escaped above
        last=items[-1],
    )


def organized_by(organizers, co_organizers):
    """ "Organized by A together with B and C" in the active language (HTML), or "" without organizers.

    Co-organizers organized the event with the network: without an organizer row, the network is named."""
    partners = name_list(organization_link(row) for row in co_organizers)
    if not organizers:
        if not co_organizers:
            return ""
        sentence = _("Organized by the Women in Migration Network together with %(partners)s")
        return format_html(sentence % {"partners": "{partners}"}, partners=partners)
    names = name_list(organization_link(row) for row in organizers)
    if not co_organizers:
        return format_html(_("Organized by %(organizers)s") % {"organizers": "{organizers}"}, organizers=names)
    sentence = _("Organized by %(organizers)s together with %(partners)s")
    return format_html(
        sentence % {"organizers": "{organizers}", "partners": "{partners}"}, organizers=names, partners=partners
    )


class EventParticipant(OrganizationOrName, Orderable):
    """Who took part in an event, and how: an organization (organizer, co-organizer, co-sponsor) or a person
    (moderator, speaker, rapporteur) with the organization she speaks for.

    Roles are data, so an event "organized by WIMN together with" others, its co-sponsors and its rapporteur
    are one list the page groups by role, and each organization's page lists the events it took part in.
    """

    ORGANIZER, CO_ORGANIZER, CO_SPONSOR = "organizer", "co-organizer", "co-sponsor"
    MODERATOR, SPEAKER, RAPPORTEUR = "moderator", "speaker", "rapporteur"
    ROLES = [
        (ORGANIZER, pgettext_lazy("participant role", "Organizer")),
        (CO_ORGANIZER, pgettext_lazy("participant role", "Co-organizer (organized with the network)")),
        (CO_SPONSOR, pgettext_lazy("participant role", "Co-sponsor")),
        (MODERATOR, pgettext_lazy("participant role", "Moderator")),
        (SPEAKER, pgettext_lazy("participant role", "Speaker")),
        (RAPPORTEUR, pgettext_lazy("participant role", "Rapporteur")),
    ]
    # How an organization's page names its part in an event (for a person's role: one of its people's part).
    ROLE_LABELS = [
        (ORGANIZER, pgettext_lazy("an organization's part in an event", "Organizer")),
        (CO_ORGANIZER, pgettext_lazy("an organization's part in an event", "Co-organizer")),
        (CO_SPONSOR, pgettext_lazy("an organization's part in an event", "Co-sponsor")),
        (MODERATOR, pgettext_lazy("an organization's part in an event", "Moderator")),
        (SPEAKER, pgettext_lazy("an organization's part in an event", "Speaker")),
        (RAPPORTEUR, pgettext_lazy("an organization's part in an event", "Rapporteur")),
    ]
    ORGANIZATION_ROLES = (ORGANIZER, CO_ORGANIZER, CO_SPONSOR)
    PERSON_ROLES = (MODERATOR, SPEAKER, RAPPORTEUR)

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="participants")
    role = models.CharField(_("role"), max_length=20, choices=ROLES, default=SPEAKER)
    name = models.CharField(
        _("person's name"),
        max_length=200,
        blank=True,
        help_text=_("For a moderator, speaker or rapporteur, as the programme names her."),
    )
    position = models.CharField(
        _("position"), max_length=200, blank=True, help_text=_("E.g. Co-convenor, or Director.")
    )

    organization_required = False
    panels = [
        FieldRowPanel([FieldPanel("role"), FieldPanel("name")]),
        FieldPanel("position"),
        FieldRowPanel(OrganizationOrName.organization_panels),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self):
        return self.name or self.organization_display

    def clean(self):
        super().clean()
        named = bool((self.name or "").strip())
        if self.role in self.ORGANIZATION_ROLES:
            if named:
                raise ValidationError(
                    {"name": _("Only moderators, speakers and rapporteurs are people; name the organization below.")}
                )
            if not self.organization_id and not (self.organization_name or "").strip():
                raise ValidationError({"organization_name_en": _("Choose an organization or type its name.")})
        elif not named:
            raise ValidationError({"name": _("Give the name of the moderator, speaker or rapporteur.")})

    @property
    def is_person(self):
        return self.role in self.PERSON_ROLES
