import pytest

from campaigns.factories import (
    AdvocacyCalendarPageFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    OrganizationDirectoryPageFactory,
)


@pytest.fixture
def campaigns_index(home):
    return CampaignIndexPageFactory(parent=home, title_es="Campañas", title_pt="Campanhas", title_fr="Campagnes")


@pytest.fixture
def campaign(campaigns_index):
    """The road to the IMRF, translated into Spanish only."""
    return CampaignPageFactory(
        parent=campaigns_index,
        slug="road-to-imrf",
        title="On the road to the IMRF",
        title_es="Rumbo al FEMI",
        intro_en="The first review of the Global Compact.",
        intro_es="El primer examen del Pacto Mundial.",
    )


@pytest.fixture
def directory(home):
    return OrganizationDirectoryPageFactory(
        parent=home,
        title_es="Miembros y aliadas",
        title_pt="Membros e parceiros",
        title_fr="Membres et partenaires",
    )


@pytest.fixture
def calendar_page(home):
    return AdvocacyCalendarPageFactory(
        parent=home,
        title_es="Calendario de incidencia",
        title_pt="Calendário de incidência",
        title_fr="Calendrier de plaidoyer",
    )
