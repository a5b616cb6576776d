"""Staff create campaigns, organizations and advocacy days through the real admin forms."""

import pytest

from django.urls import reverse
from django.utils import translation

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.factories import AdvocacyDayFactory, OrganizationFactory
from campaigns.models import AdvocacyDay, CampaignPage, Organization
from tests.helpers import raw_columns

pytestmark = pytest.mark.django_db

LANGS = ("en", "es", "pt", "fr")


def per_language(name, **values):
    return {f"{name}_{code}": values.get(code, "") for code in LANGS}


def campaign_form(**overrides):
    data = {
        **per_language("title", en="On the road to the IMRF", es="Rumbo al FEMI"),
        "slug": "road-to-imrf",
        **per_language("intro", en="The first review of the Global Compact.", es="El primer examen del Pacto."),
        **per_language("hero_alt"),
        **per_language("demands_heading", en="Our four priority concerns"),
        "is_current": "on",
        "hero_image": "",
        "demands": inline_formset(
            [
                {
                    **per_language("title", en="A paragraph on migrant women", es="Un párrafo sobre mujeres migrantes"),
                    **per_language("detail", en="None in the draft."),
                },
                {**per_language("title", en="Women named apart from children"), **per_language("detail")},
            ]
        ),
        "milestones": inline_formset(
            [
                {
                    "date": "2022-05-17",
                    "end_date": "2022-05-20",
                    "precision": "day",
                    **per_language("label", en="The forum, New York", es="El foro, Nueva York"),
                    "link_page": "",
                    "link_url": "",
                },
                {
                    "date": "2022-03-17",
                    "end_date": "",
                    "precision": "day",
                    **per_language("label", en="Zero draft published"),
                    "link_page": "",
                    "link_url": "https://example.org/zero-draft",
                },
            ]
        ),
        **{f"body_{code}": streamfield([]) for code in LANGS},
    }
    data["body_en"] = streamfield([("paragraph", rich_text("<p>What we did.</p>"))])
    data.update(overrides)
    return nested_form_data(data)


def add_campaign_url(parent):
    return reverse("wagtailadmin_pages:add", args=("campaigns", "campaignpage", parent.pk))


def test_staff_create_a_campaign_with_demands_and_timeline(staff, campaigns_index):
    """The create form publishes a campaign with its ordered, translated demands and dated milestones."""
    assert staff.get(add_campaign_url(campaigns_index)).status_code == 200
    response = staff.post(add_campaign_url(campaigns_index), {**campaign_form(), "action-publish": "publish"})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = CampaignPage.objects.get(slug="road-to-imrf")
    assert page.live and page.title_es == "Rumbo al FEMI"
    assert raw_columns(Page, page.pk, "title")["title"] == "On the road to the IMRF"
    assert [(d.title_en, d.title_es or "") for d in page.demands.all()] == [
        ("A paragraph on migrant women", "Un párrafo sobre mujeres migrantes"),
        ("Women named apart from children", ""),
    ]
    assert [m.label_en for m in page.timeline()] == ["Zero draft published", "The forum, New York"]

    html = staff.get("/es/campaigns/road-to-imrf/").content.decode()
    assert "Un párrafo sobre mujeres migrantes" in html
    assert "Women named apart from children" in html  # an untranslated demand falls back to English
    assert "17–20 de mayo de 2022" in html


def test_a_campaign_needs_alt_text_for_its_hero_image(staff, campaigns_index):
    """A hero image without a description is refused with an error on the alt text field."""
    image = get_image_model().objects.create(title="Forum", file=get_test_image_file())
    response = staff.post(add_campaign_url(campaigns_index), campaign_form(hero_image=str(image.pk)))
    assert response.status_code == 200
    assert "hero_alt_en" in response.context["form"].errors
    assert not CampaignPage.objects.exists()


def test_campaigns_only_under_the_campaigns_index(staff, home, campaigns_index):
    """A campaign cannot be created directly under the home page; one campaigns index per site."""
    assert staff.get(add_campaign_url(home)).status_code in (302, 403)
    assert not CampaignPage.can_create_at(home)
    assert CampaignPage.can_create_at(campaigns_index)


def organization_form(**overrides):
    data = {
        **per_language("name", en="Office of the UN High Commissioner for Human Rights", es="Oficina del ACNUDH"),
        **per_language("acronym", en="OHCHR", es="ACNUDH", fr="HCDH"),
        "slug": "ohchr",
        "logo": "",
        "website": "https://www.ohchr.org",
        **per_language("country", en="Switzerland", es="Suiza"),
        "region": "global",
        "sector": "un-body",
        "relation": "other",
        **per_language("description", en="The UN's human rights office.", es="La oficina de derechos humanos."),
        "memberships": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def membership(role="member", start_year="", end_year="", **notes):
    return {"role": role, "start_year": start_year, "end_year": end_year, **per_language("note", **notes)}


def test_staff_record_the_networks_memberships_of_a_coalition(staff):
    """The organization form saves the network's memberships: a current steering-committee seat with a note in two
    languages, and a membership that ended."""
    url = reverse("wagtailsnippets_campaigns_organization:add")
    assert 'name="memberships-__prefix__-role"' in staff.get(url).content.decode()
    data = organization_form(
        relation="coalition",
        memberships=inline_formset(
            [
                membership("steering-committee", "2009", en="Co-chairs the women's working group.", es="Copreside."),
                membership("member", "2012", "2019"),
            ]
        ),
    )
    response = staff.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    org = Organization.objects.get(slug="ohchr")
    assert [(m.role, m.start_year, m.end_year, m.note_es or "") for m in org.memberships.order_by("sort_order")] == [
        ("steering-committee", 2009, None, "Copreside."),
        ("member", 2012, 2019, ""),
    ]


@pytest.mark.parametrize(
    "row,field",
    [
        (membership("member", "2019", "2012"), "end_year"),  # ends before it starts
        (membership("member", "", "2999"), "end_year"),  # an end still to come is not an end
        (membership("member", "1850"), "start_year"),  # before any coalition of the network
        (membership("member", "twenty"), "start_year"),  # not a year
        (membership("chair"), "role"),  # not a role
    ],
)
def test_organization_form_refuses_a_bad_membership(staff, row, field):
    url = reverse("wagtailsnippets_campaigns_organization:add")
    response = staff.post(url, organization_form(memberships=inline_formset([row])))
    assert response.status_code == 200
    assert field in response.context["form"].formsets["memberships"].forms[0].errors
    assert not Organization.objects.filter(slug="ohchr").exists()


def test_staff_create_an_organization(staff):
    """The snippet form saves a translated organization; its base columns hold English."""
    url = reverse("wagtailsnippets_campaigns_organization:add")
    assert staff.get(url).status_code == 200
    response = staff.post(url, organization_form(), HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    org = Organization.objects.get(slug="ohchr")
    assert (org.name_es, org.country_es, org.sector) == ("Oficina del ACNUDH", "Suiza", "un-body")
    assert raw_columns(Organization, org.pk, "name")["name"] == "Office of the UN High Commissioner for Human Rights"


def test_organization_form_takes_the_acronym_per_language(staff):
    """The form shows an acronym field per language and saves each: the UN's official ones (ACNUDH, HCDH), with
    English in the base column and for a language left empty (Portuguese here)."""
    url = reverse("wagtailsnippets_campaigns_organization:add")
    form = staff.get(url).content.decode()
    assert all(f'name="acronym_{code}"' in form for code in ("en", "es", "pt", "fr"))
    response = staff.post(url, organization_form())
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    org = Organization.objects.get(slug="ohchr")
    assert (org.acronym_en, org.acronym_es, org.acronym_pt or "", org.acronym_fr) == ("OHCHR", "ACNUDH", "", "HCDH")
    assert raw_columns(Organization, org.pk, "acronym")["acronym"] == "OHCHR"
    for language, acronym, shown in (("es", "ACNUDH", ""), ("pt", "OHCHR", "OHCHR"), ("fr", "HCDH", "HCDH")):
        with translation.override(language):
            org = Organization.objects.get(pk=org.pk)
            # "Oficina del ACNUDH" holds its acronym: it is not shown after the name a second time
            assert (org.acronym, org.shown_acronym) == (acronym, shown)
    edit = reverse("wagtailsnippets_campaigns_organization:edit", args=[org.pk])
    assert 'value="ACNUDH"' in staff.get(edit).content.decode()


def test_organization_form_refuses_an_unknown_sector(staff):
    url = reverse("wagtailsnippets_campaigns_organization:add")
    response = staff.post(url, organization_form(sector="astrology"))
    assert response.status_code == 200
    assert "sector" in response.context["form"].errors


def test_organization_listing_in_the_admin(staff):
    """The admin lists organizations and filters them by region."""
    OrganizationFactory(slug="picum", name="PICUM", region="europe")
    OrganizationFactory(slug="imumi", name="IMUMI", region="latin-america")
    html = staff.get(reverse("wagtailsnippets_campaigns_organization:list"), {"region": "europe"}).content.decode()
    assert "PICUM" in html and "IMUMI" not in html


def day_form(**overrides):
    data = {
        **per_language("name", en="16 Days of Activism", es="16 días de activismo"),
        "slug": "16-days",
        "rule": AdvocacyDay.YEARLY_RANGE,
        "month": "11",
        "day": "25",
        "end_month": "12",
        "end_day": "10",
        "date": "",
        "end_date": "",
        **per_language("venue"),
        "link": "",
        **per_language("description", en="Against gender-based violence."),
    }
    data.update(overrides)
    return data


def test_staff_create_an_advocacy_day(staff):
    """A yearly span entered in the admin is saved with its rule."""
    url = reverse("wagtailsnippets_campaigns_advocacyday:add")
    assert staff.get(url).status_code == 200
    response = staff.post(url, day_form())
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    day = AdvocacyDay.objects.get(slug="16-days")
    assert (day.rule, day.month, day.day, day.end_month, day.end_day) == ("yearly-range", 11, 25, 12, 10)
    assert day.name_es == "16 días de activismo"


def test_advocacy_day_form_explains_a_missing_end(staff):
    """A yearly span without its end is refused, with the error on the missing field, in the editor's language."""
    url = reverse("wagtailsnippets_campaigns_advocacyday:add")
    response = staff.post(url, day_form(end_day=""), HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
    assert response.context["form"].errors["end_day"] == ["Obligatorio para esta regla."]
    assert not AdvocacyDay.objects.exists()


def test_advocacy_day_form_refuses_31_april(staff):
    url = reverse("wagtailsnippets_campaigns_advocacyday:add")
    response = staff.post(url, day_form(rule=AdvocacyDay.YEARLY_DATE, month="4", day="31", end_month="", end_day=""))
    assert response.status_code == 200
    assert "day" in response.context["form"].errors


def test_advocacy_days_listing_shows_the_next_occurrence(staff):
    """Staff see, beside each day, when it next comes round, to check the rule they entered."""
    AdvocacyDayFactory(slug="iwd", name="International Women's Day", month=3, day=8)
    html = staff.get(reverse("wagtailsnippets_campaigns_advocacyday:list")).content.decode()
    assert "International Women&#x27;s Day" in html or "International Women's Day" in html
    assert "Every year on 8 March" in html
    assert "8 March 20" in html


@pytest.mark.parametrize("model", ["organization", "advocacyday"])
def test_snippet_edit_forms_render(staff, model):
    obj = OrganizationFactory(slug="gaatw") if model == "organization" else AdvocacyDayFactory(slug="iwd")
    response = staff.get(reverse(f"wagtailsnippets_campaigns_{model}:edit", args=(obj.pk,)))
    assert response.status_code == 200


def test_staff_create_directory_and_calendar_pages(staff, home):
    """The directory and the calendar are created under the home page, once each."""
    for model, slug in (("organizationdirectorypage", "members"), ("advocacycalendarpage", "calendar")):
        url = reverse("wagtailadmin_pages:add", args=("campaigns", model, home.pk))
        data = nested_form_data(
            {**per_language("title", en=slug.title()), "slug": slug, **per_language("intro"), "action-publish": "1"}
        )
        response = staff.post(url, data)
        assert response.status_code == 302, response.context["form"].errors if response.context else response
        assert staff.get(f"/en/{slug}/").status_code == 200
        assert staff.get(url).status_code in (302, 403)  # max_count = 1


def test_the_rendered_organization_form_posts_back_its_memberships(staff):
    """Staff open a coalition with memberships, end the current one and publish: every row round-trips."""
    from campaigns.factories import CoalitionMembershipFactory
    from tests.events.test_admin import rendered_form_data

    org = OrganizationFactory(slug="gcm", name="Global Coalition on Migration", relation="coalition")
    CoalitionMembershipFactory(organization=org, role="member", start_year=2012, note_en="Founding member.")
    CoalitionMembershipFactory(organization=org, role="observer", end_year=2011)
    url = reverse("wagtailsnippets_campaigns_organization:edit", args=(org.pk,))
    data = rendered_form_data(staff.get(url), "form#w-editor-form")
    assert data["memberships-TOTAL_FORMS"] == "2" and data["memberships-0-note_en"] == "Founding member."
    data["memberships-0-end_year"] = "2019"
    response = staff.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    labels = [membership.label for membership in Organization.objects.get(pk=org.pk).membership_list()]
    assert labels == ["Member from 2012 to 2019", "Observer until 2011"]
