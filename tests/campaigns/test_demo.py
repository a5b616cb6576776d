import pytest

from campaigns.models import AdvocacyDay, CampaignPage, Organization

pytestmark = pytest.mark.django_db

REQUIRED_SLUGS = [
    "act-alliance", "afl-cio", "alianza-americas", "bloque-latinoamericano", "gaatw", "global-coalition-on-migration",
    "imumi", "international-detention-coalition", "latinas-en-poder", "ngo-committee-on-migration", "nnirr", "picum",
    "refugee-womens-commission", "solidarity-center", "ohchr", "government-of-bangladesh", "bnsk", "espacio-de-mujer",
    "fair-work", "okup", "government-of-canada", "imrc-gender-migration-hub", "iom-research", "icmc", "fes", "un-women",
]  # fmt: skip
PATHS = ["campaigns/", "campaigns/road-to-imrf/", "members/", "members/picum/", "calendar/", "members/?region=europe"]


def test_demo_content_loads_and_every_campaigns_page_renders(client, demo):
    """The demo loads: the organizations others cite, the IMRF campaign, the days; each page renders in 4 languages."""

    found = set(Organization.objects.filter(slug__in=REQUIRED_SLUGS).values_list("slug", flat=True))
    assert found == set(REQUIRED_SLUGS)
    assert not Organization.objects.filter(sector="").exists()
    assert Organization.objects.get(slug="global-coalition-on-migration").relation == "coalition"

    campaign = CampaignPage.objects.get(slug="road-to-imrf")
    assert campaign.available_languages == ["en", "es", "pt", "fr"]
    assert [bool(d.title_es) for d in campaign.demands.all()] == [True] * 4
    assert {m.date.isoformat() for m in campaign.milestones.all()} >= {"2022-03-17", "2022-05-02", "2022-05-17"}

    sixteen_days = AdvocacyDay.objects.get(slug="16-days-of-activism")
    assert (sixteen_days.month, sixteen_days.day, sixteen_days.end_month, sixteen_days.end_day) == (11, 25, 12, 10)
    assert AdvocacyDay.objects.get(slug="csw").rule == AdvocacyDay.YEARLY_MONTH

    for lang in ("en", "es", "pt", "fr"):
        for path in PATHS:
            response = client.get(f"/{lang}/{path}")
            assert response.status_code == 200, f"/{lang}/{path}"
            assert f'<html lang="{lang}"' in response.content.decode()
