"""Test helpers shared by every app's tests."""

from contextlib import contextmanager
from unittest import mock

from bs4 import BeautifulSoup
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler

from django.db import connection
from django.db.models.signals import post_save
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from wimn_site.factories import create_site_root


def count_queries(client, url, **extra):
    """GET `url` and return (response, number of SQL queries it ran)."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **extra)
    return response, len(ctx.captured_queries)


def assert_page_queries(client, url, maximum, **extra):
    """GET `url`, assert a 200 and at most `maximum` SQL queries; return the response and the count."""
    response, queries = count_queries(client, url, **extra)
    assert response.status_code == 200, f"{url} gave {response.status_code}"
    assert queries <= maximum, f"{url} ran {queries} queries, more than {maximum}"
    return response, queries


def raw_columns(model, pk, *columns):
    """The stored values of `columns` for one row, read with SQL so modeltranslation cannot rewrite them."""
    table = model._meta.db_table
    if model._meta.pk.column != "id" or not all(c.replace("_", "").isalnum() for c in columns):
        raise ValueError("unexpected column names")
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT {", ".join(columns)} FROM "{table}" WHERE id = %s', [pk])  # noqa: S608
        return dict(zip(columns, cursor.fetchone(), strict=True))


def soup(response):
    """The response's HTML, parsed."""
    return BeautifulSoup(response.content, "html.parser")


def admin_index_handlers(connected):
    """Connect or disconnect the admin search index's save handlers (modelsearch's, for every indexed model)."""
    for model in index.get_indexed_models():
        if connected:
            post_save.connect(post_save_signal_handler, sender=model)
        else:
            post_save.disconnect(post_save_signal_handler, sender=model)


@contextmanager
def in_bulk():
    """For the hundreds of pages a flatness or scale test makes: Wagtail's reference index (which pages use
    which files and snippets, read by document visibility) is not updated on each save, a quarter of a page's
    creation time. Only for content whose tests read listings and search, never file visibility or usage.

    Each page is checked as Wagtail checks a draft (`minimal_clean`: its defaults, its title, a slug free
    under its parent) instead of validating every field, another third of the time: the factories' values
    are valid, and the tests that validate pages (the admin's) do not make them in bulk."""
    with disable_reference_index_auto_update(), mock.patch.object(Page, "full_clean", Page.minimal_clean):
        yield


def translated_home():
    """The home page of the `home` fixture, translated into every language (for content built once per module
    with tests.snapshots.build_once, where the fixture cannot be used)."""
    return create_site_root(
        title="Women in Migration Network",
        title_es="Red de Mujeres en la Migración",
        title_pt="Rede de Mulheres na Migração",
        title_fr="Réseau Femmes en migration",
        mission_en="Rights for women in migration.",
        mission_es="Derechos para las mujeres en la migración.",
        mission_pt="Direitos para as mulheres na migração.",
        mission_fr="Des droits pour les femmes en migration.",
    )
