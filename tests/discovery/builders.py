"""What the discovery tests build, as plain functions: the fixtures of tests/discovery/conftest.py use them,
and so do modules that build their content once (tests/snapshots.py), where a fixture cannot be called."""

from wimn_site.factories import DocumentLibraryPageFactory


def document_library(parent):
    """The document library, titled in every language."""
    return DocumentLibraryPageFactory(
        parent=parent,
        title="Documents",
        title_es="Documentos",
        title_pt="Documentos",
        title_fr="Documents",
        intro_en="Statements, reports and programs of the network.",
    )
