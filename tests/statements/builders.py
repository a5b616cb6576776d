"""What the statements tests build, as plain functions: the fixtures of tests/statements/conftest.py use them,
and so do modules that build their content once (tests/snapshots.py), where a fixture cannot be called."""

from wimn_site.factories import TopicFactory


def statement_topics():
    """Two topics, named in English and Spanish."""
    return {
        "imrf": TopicFactory(slug="imrf", name="IMRF", name_en="IMRF", name_es="FEMI"),
        "climate": TopicFactory(slug="climate", name="Climate", name_en="Climate", name_es="Clima"),
    }
