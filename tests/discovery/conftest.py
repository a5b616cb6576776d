import pytest

from tests.discovery.builders import document_library


@pytest.fixture
def library(home):
    """The document library under the home page, titled in every language."""
    return document_library(home)
