"""Builds the campaigns app's demo content from campaigns/demo.yaml (see wimn_site.demo_data for the format):
the organizations directory, the network's coalition memberships, the campaigns and the advocacy calendar."""

from wimn_site.demo_data import bodies, included
from wimn_site.factories import translated

from .factories import (
    AdvocacyCalendarPageFactory,
    AdvocacyDayFactory,
    CampaignDemandFactory,
    CampaignIndexPageFactory,
    CampaignMilestoneFactory,
    CampaignPageFactory,
    CoalitionMembershipFactory,
    OrganizationDirectoryPageFactory,
    OrganizationFactory,
    logo_image,
)
from .models import AdvocacyDay, CampaignPage

RULES = tuple(rule for rule, _label in AdvocacyDay.RULES)


def _texts(node, *names, required=("title",)):
    """translated() fields of the page or snippet `node` for each of `names` present in it."""
    fields = {}
    for name in names:
        if name in node or name in required:
            fields.update(translated(name, node[name].translated(required=("en",) if name in required else ())))
    return fields


def _page(node, *names):
    fields = _texts(node, "title", *names)
    fields["title"] = fields["title_en"]
    if "body" in node:
        fields.update(translated("body", bodies(node["body"])))
    return {"slug": node["slug"].text(blank=False), **fields}


def load_organizations(data, examples):
    countries = data.get("countries").value or {}
    organizations = {}
    for spec in included(data["organizations"], examples):
        slug = spec["slug"].text(blank=False)
        names = spec["name"].translated()
        # an acronym is one text (English, which the other languages fall back to) or one per language (the UN's
        # official ones: OHCHR is the ACNUDH in Spanish)
        acronyms = spec.get("acronym").translated(required=())
        description = spec.get("description").translated(required=())
        country = spec.get("country").text()
        country_names = {"en": country, **countries.get(country, {})} if country else {}
        logo = None
        if "logo" in spec:
            text = spec["logo"]["text"].text(blank=False)
            colour = tuple(part.number(blank=False) for part in spec["logo"]["colour"].items())
            logo = logo_image(f"{text} logo (placeholder)", text, background=colour)
        organizations[slug] = OrganizationFactory(
            slug=slug,
            name=names["en"],
            acronym=acronyms.get("en", ""),
            region=spec["region"].text(blank=False),
            sector=spec["sector"].text(blank=False),
            relation=spec.field("relation", examples).text(blank=False),
            country=country,
            website=spec.get("website").text(),
            description=description["en"],
            logo=logo,
            **translated("name", names),
            **translated("acronym", acronyms),
            **translated("description", description),
            **translated("country", country_names),
        )
    return organizations


def load_memberships(data, organizations, examples):
    """The network's memberships; a role, note or year listed under a row's `examples` is left out (or given its
    `without_examples` value) by `--no-examples`."""
    for order, spec in enumerate(included(data["memberships"], examples)):
        slug = spec["organization"].text(blank=False)
        if slug not in organizations:
            raise spec["organization"].error("an organization of this file")
        note = spec.field("note", examples).translated(required=())
        CoalitionMembershipFactory(
            organization=organizations[slug],
            sort_order=order,
            role=spec.field("role", examples).text(blank=False),
            # the years the seeds state ("member until 2019"); none invented
            start_year=spec.field("since", examples).number(),
            end_year=spec.field("until", examples).number(),
            note=note["en"],
            **translated("note", note),
        )


def load_campaign(index, spec, examples):
    page = CampaignPageFactory(
        parent=index,
        is_current=spec.get("current").flag(),
        **_page(spec, "intro", "demands_heading"),
    )
    for order, demand in enumerate(included(spec.get("demands"), examples)):
        titles = demand["title"].translated()
        CampaignDemandFactory(
            page=page,
            sort_order=order,
            title=titles["en"],
            **translated("title", titles),
            **translated("detail", demand.get("detail").translated(required=())),
        )
    for order, milestone in enumerate(included(spec.get("milestones"), examples)):
        labels = milestone["label"].translated()
        CampaignMilestoneFactory(
            page=page,
            sort_order=order,
            date=milestone["date"].date(blank=False),
            end_date=milestone.get("end_date").date(),
            precision=milestone["precision"].text(blank=False),
            label=labels["en"],
            **translated("label", labels),
        )
    return page


def load_advocacy_days(data, examples):
    for spec in included(data["advocacy_days"], examples):
        rule = spec["rule"].text(blank=False)
        if rule not in RULES:
            raise spec["rule"].error(f"one of {', '.join(RULES)}")
        names = spec["name"].translated()
        description = spec.get("description").translated(required=())
        venue = spec.get("venue").translated(required=())
        AdvocacyDayFactory(
            slug=spec["slug"].text(blank=False),
            rule=rule,
            month=spec.get("month").number(),
            day=spec.get("day").number(),
            end_month=spec.get("end_month").number(),
            end_day=spec.get("end_day").number(),
            date=spec.get("date").date(),
            end_date=spec.get("end_date").date(),
            link=spec.get("link").text(),
            is_example=spec.is_example(),
            name=names["en"],
            description=description["en"],
            venue=venue["en"],
            **translated("name", names),
            **translated("description", description),
            **translated("venue", venue),
        )


def build(home, data, examples=True):
    """Campaigns, the organizations directory and the advocacy calendar under `home`."""
    organizations = load_organizations(data, examples)
    load_memberships(data, organizations, examples)

    index = CampaignIndexPageFactory(parent=home, show_in_menus=True, **_page(data["campaigns_index"], "intro"))
    pages = [load_campaign(index, spec, examples) for spec in included(data["campaigns"], examples)]
    # Revisions, so editors find the demo pages with a history like any other.
    for page in CampaignPage.objects.filter(pk__in=[page.pk for page in pages]):
        page.save_revision().publish()

    OrganizationDirectoryPageFactory(parent=home, show_in_menus=True, **_page(data["directory"], "intro"))
    AdvocacyCalendarPageFactory(parent=home, show_in_menus=True, **_page(data["calendar"], "intro"))
    load_advocacy_days(data, examples)
