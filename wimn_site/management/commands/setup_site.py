import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Bring a database up to date: migrations, wagtail-modeltranslation's Page columns, cache table, "
        "and demo content when the site is empty. Safe to run on every start."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-demo", action="store_true")
        parser.add_argument("--dev-admin", action="store_true", help="Create admin/the printed password (dev only).")

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("sync_page_translation_fields", interactive=False, verbosity=0)
        call_command("update_translation_fields", verbosity=0)
        call_command("createcachetable", verbosity=0)
        if not options["no_demo"]:
            call_command("load_demo", if_empty=True)
        call_command("rebuild_search_index", verbosity=0)
        if options["dev_admin"]:
            if not settings.DEBUG:
                self.stderr.write("--dev-admin is refused outside DEBUG.")
                return
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
