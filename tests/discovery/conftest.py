import pytest

from wimn_site.factories import DocumentLibraryPageFactory


@pytest.fixture
def library(home):
    """The document library under the home page, titled in every language."""
    return DocumentLibraryPageFactory(
        parent=home,
        title="Documents",
        title_es="Documentos",
        title_pt="Documentos",
        title_fr="Documents",
        intro_en="Statements, reports and programs of the network.",
    )
