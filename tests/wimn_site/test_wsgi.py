"""The WSGI application settles before its first request (wimn_site/wsgi.py): what it loaded is frozen out of
the garbage collector's walks. Served under gunicorn by tests/wimn_site/test_outage.py and `make bench`."""

import os
import runpy
import subprocess
import sys

from django.conf import settings

PROBE = """
import gc, sys
import wimn_site.wsgi
from django.db import connection
frozen = gc.get_freeze_count()
connection.ensure_connection()  # as if loading had opened one: settling again must close it before the fork
wimn_site.wsgi.settle()
print(frozen, 'wimn_site.views' in sys.modules, connection.connection is None)
"""


def test_loading_the_application_freezes_what_it_loaded():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "wimn_site.settings.test"}
    out = subprocess.run(  # noqa: S603 - our own arguments
        [sys.executable, "-c", PROBE], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, check=True
    )
    frozen, views_loaded, no_connection = out.stdout.split()
    # Django, Wagtail and the apps are well over 100,000 objects; nothing is frozen in a plain interpreter.
    assert int(frozen) > 100_000
    assert views_loaded == "True"  # the URLconf was imported before the freeze, with the views it names
    assert no_connection == "True"  # gunicorn forks its workers from this process: none may inherit a connection


def test_gunicorn_loads_the_application_before_forking_unless_told_not_to(monkeypatch):
    conf = settings.BASE_DIR / "gunicorn.conf.py"
    for value, expected in ((None, True), ("0", False), ("false", False), ("off", False), ("1", True)):
        if value is None:
            monkeypatch.delenv("GUNICORN_PRELOAD", raising=False)
        else:
            monkeypatch.setenv("GUNICORN_PRELOAD", value)
        assert runpy.run_path(str(conf))["preload_app"] is expected
