"""Factories for campaigns, organizations and the advocacy calendar (tests and demo content)."""

import datetime
import io

import factory
import wagtail_factories
from PIL import Image as PILImage
from PIL import ImageDraw

from django.core.files.base import ContentFile

from wagtail.images import get_image_model

from .models import (
    AdvocacyCalendarPage,
    AdvocacyDay,
    CampaignDemand,
    CampaignIndexPage,
    CampaignMilestone,
    CampaignPage,
    CoalitionMembership,
    Organization,
    OrganizationDirectoryPage,
)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Organization {n}")
    name_en = factory.SelfAttribute("name")
    slug = factory.Sequence(lambda n: f"organization-{n}")
    region = "global"
    sector = "migrant-rights"
    relation = "member"


class CoalitionMembershipFactory(factory.django.DjangoModelFactory):
    """The network's membership of an organization (a coalition), current unless given an end year."""

    class Meta:
        model = CoalitionMembership

    sort_order = factory.Sequence(int)  # rows keep the order they were made in (Orderable)

    organization = factory.SubFactory(OrganizationFactory, relation="coalition")
    role = CoalitionMembership.MEMBER
    start_year = None
    end_year = None
    note = ""


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CampaignIndexPage

    title = "Campaigns"
    title_en = factory.SelfAttribute("title")
    slug = "campaigns"


class CampaignPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CampaignPage

    title = factory.Sequence(lambda n: f"Campaign {n}")
    title_en = factory.SelfAttribute("title")
    slug = factory.Sequence(lambda n: f"campaign-{n}")
    intro_en = "What the campaign is about."


class CampaignDemandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignDemand

    sort_order = factory.Sequence(int)  # rows keep the order they were made in (Orderable)

    title_en = factory.Sequence(lambda n: f"Demand {n}")
    title = factory.SelfAttribute("title_en")


class CampaignMilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignMilestone

    sort_order = factory.Sequence(int)  # rows keep the order they were made in (Orderable)

    date = datetime.date(2022, 3, 17)
    label_en = factory.Sequence(lambda n: f"Milestone {n}")
    label = factory.SelfAttribute("label_en")


class OrganizationDirectoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = OrganizationDirectoryPage

    title = "Members and partners"
    title_en = factory.SelfAttribute("title")
    slug = "members"


class AdvocacyCalendarPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AdvocacyCalendarPage

    title = "Advocacy calendar"
    title_en = factory.SelfAttribute("title")
    slug = "calendar"


class AdvocacyDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdvocacyDay
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Day {n}")
    name_en = factory.SelfAttribute("name")
    slug = factory.Sequence(lambda n: f"day-{n}")
    rule = AdvocacyDay.YEARLY_DATE
    month = 3
    day = 8


def logo_image(title, text, background=(91, 42, 134), size=(320, 160)):
    """A small PNG logo (initials on a coloured ground) as a Wagtail image, so renditions can be shown."""
    canvas = PILImage.new("RGB", size, background)
    draw = ImageDraw.Draw(canvas)
    left, top, right, bottom = draw.textbbox((0, 0), text, font_size=64)
    draw.text(((size[0] - (right - left)) / 2, (size[1] - (bottom - top)) / 2 - top), text, fill="white", font_size=64)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, file=ContentFile(buffer.getvalue(), name=f"{text.lower()}-logo.png")
    )
