import importlib

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from wimn_site.models import HomePage

# Each app's demo module exposes load(home); order matters (organizations before what cites them).
DEMO_MODULES = ["campaigns.demo", "statements.demo", "events.demo"]


class Command(BaseCommand):
    help = "Load the demo content in all four languages (only into a database with no home page)."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when a home page exists.")

    def handle(self, *args, **options):
        if HomePage.objects.exists():
            if options["if_empty"]:
                self.stdout.write("Demo content already present; skipping.")
                return
            self.stderr.write("A home page exists already; demo content loads only into an empty site.")
            return
        from wimn_site import demo

        with transaction.atomic():
            home = demo.load()
            for name in DEMO_MODULES:
                try:
                    module = importlib.import_module(name)
                except ModuleNotFoundError as exc:
                    if exc.name != name:
                        raise
                    continue
                module.load(home)
            # Demo pages are created live without a publish signal: index them in one go.
            call_command("rebuild_search_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
