"""`manage.py setup_site`: the development admin only on the embedded database, the Site's public address."""

import pytest

from django.core.management import CommandError, call_command
from django.db import connection

pytestmark = pytest.mark.django_db


def test_dev_admin_is_refused_on_any_other_database(settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setitem(connection.settings_dict, "HOST", "db.example.org")
    with pytest.raises(CommandError, match="not the embedded development one"):
        call_command("setup_site", "--no-demo", "--dev-admin")


def test_dev_admin_is_refused_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="outside DEBUG"):
        call_command("setup_site", "--no-demo", "--dev-admin")


def test_site_address_comes_from_the_environment(home, monkeypatch):
    """WIMN_SITE_URL sets the default Site's hostname and port, from which absolute links are made."""
    from wagtail.models import Site

    monkeypatch.setenv("WIMN_SITE_URL", "https://WomenInMigration.org")
    call_command("setup_site", "--no-demo")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("womeninmigration.org", 443, "https://womeninmigration.org")
    monkeypatch.setenv("WIMN_SITE_URL", "womeninmigration.org")
    with pytest.raises(CommandError, match="must look like"):
        call_command("setup_site", "--no-demo")
