import pytest

from statements.factories import StatementIndexPageFactory
from wimn_site.factories import TopicFactory


@pytest.fixture
def index(home):
    """The statements section under the home page, titled in every language."""
    return StatementIndexPageFactory(parent=home)


@pytest.fixture
def topics(db):
    return {
        "imrf": TopicFactory(slug="imrf", name="IMRF", name_en="IMRF", name_es="FEMI"),
        "climate": TopicFactory(slug="climate", name="Climate", name_en="Climate", name_es="Clima"),
    }
