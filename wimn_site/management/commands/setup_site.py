import os
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection

from wagtail.models import Site

from wimn_site.roles import ensure_roles
from wimn_site.translation_status import record_untracked


def is_embedded_development_database():
    """True only for the PostgreSQL that `make run` starts from var/pgdata: a known password must never reach
    a database anyone else uses."""
    embedded = (settings.BASE_DIR / "var" / "pgdata").resolve()
    if connection.settings_dict.get("HOST") and Path(connection.settings_dict["HOST"]).resolve() != embedded:
        return False
    try:
        with connection.cursor() as cursor:
            cursor.execute("SHOW data_directory")
            data_directory = cursor.fetchone()[0]
    except DatabaseError:
        return False
    return Path(data_directory).resolve() == embedded


class Command(BaseCommand):
    help = (
        "Bring a database up to date: migrations, wagtail-modeltranslation's Page columns, cache table, "
        "and demo content when the site is empty. Safe to run on every start."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-demo", action="store_true")
        parser.add_argument("--dev-admin", action="store_true", help="Create admin/the printed password (dev only).")

    def handle(self, *args, **options):
        if options["dev_admin"]:
            if not settings.DEBUG:
                raise CommandError("--dev-admin is refused outside DEBUG.")
            if not is_embedded_development_database():
                raise CommandError(
                    "--dev-admin is refused: the database is not the embedded development one in var/pgdata. "
                    "Create staff accounts with `manage.py createsuperuser` instead."
                )
        call_command("migrate", interactive=False, verbosity=0)
        call_command("sync_page_translation_fields", interactive=False, verbosity=0)
        call_command("update_translation_fields", verbosity=0)
        call_command("createcachetable", verbosity=0)
        if not options["no_demo"]:
            call_command("load_demo", if_empty=True)
        ensure_roles()  # after the content: the review workflow goes on the section pages
        record_untracked()  # the translation desk knows every page, including those made before it
        if os.environ.get("WIMN_SITE_URL"):
            self.set_site_address(os.environ["WIMN_SITE_URL"])
        call_command("rebuild_search_index", verbosity=0)
        if options["dev_admin"]:
            self.create_dev_admin()

    def set_site_address(self, url):
        """The public address (WIMN_SITE_URL, e.g. https://womeninmigration.org) on the default Site: absolute
        links and the shared caches are built from it (wimn_site.site_urls)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CommandError(f"WIMN_SITE_URL must look like https://womeninmigration.org, not {url!r}.")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        updated = Site.objects.filter(is_default_site=True).update(hostname=parts.hostname.lower(), port=port)
        if not updated:
            self.stderr.write("No default Site yet: WIMN_SITE_URL is applied once the home page exists.")

    def create_dev_admin(self):
        password = os.environ.get("WIMN_DEV_ADMIN_PASSWORD", "wimn-admin-dev")
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username="admin", defaults={"email": "admin@example.org", "is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_password(password)
            user.save()
        self.stdout.write(
            self.style.SUCCESS(
                "Admin (development only): http://127.0.0.1:8000/admin/  user: admin  password: "
                + (password if created else "(unchanged since it was created)")
            )
        )
