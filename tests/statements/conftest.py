import pytest

from statements.factories import StatementIndexPageFactory
from tests.statements.builders import statement_topics


@pytest.fixture
def index(home):
    """The statements section under the home page, titled in every language."""
    return StatementIndexPageFactory(parent=home)


@pytest.fixture
def topics(db):
    return statement_topics()
