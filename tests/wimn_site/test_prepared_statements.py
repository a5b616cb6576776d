"""Prepared statements (wimn_site/settings/base.py): a query a connection runs again is planned once, as a
prepared statement on the server; DB_PREPARED_STATEMENTS=0 turns it off."""

import os
import subprocess
import sys

from django.conf import settings
from django.db import connection

from wimn_site.related import page_links

PROBE = "from django.conf import settings; print(settings.DATABASES['default'].get('OPTIONS', {}))"


def prepared():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def test_a_read_run_again_is_prepared_on_the_server(rf, home, about):
    request = rf.get("/en/")
    page_links([about.pk], request)
    assert not any("wagtailcore_page" in statement and "ANY" in statement for statement in prepared())
    page_links([about.pk], request)
    links = page_links([home.pk, about.pk], request)  # other values, the same statement
    assert sorted(link.url for link in links.values()) == ["/en/", "/en/about/"]
    assert [statement for statement in prepared() if "wagtailcore_page" in statement and "ANY" in statement]


def options(value):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "wimn_site.settings.test"}
    env.pop("DB_PREPARED_STATEMENTS", None)
    if value is not None:
        env["DB_PREPARED_STATEMENTS"] = value
    out = subprocess.run(  # noqa: S603 - our own arguments
        [sys.executable, "-c", f"import django; django.setup(); {PROBE}"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def test_the_setting_turns_them_off():
    assert "'server_side_binding': True" in options(None)
    assert "'prepare_threshold': 2" in options("1")
    for value in ("0", "off", "false"):
        assert "server_side_binding" not in options(value)
