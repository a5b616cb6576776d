"""Test helpers shared by every app's tests."""

from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext


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
