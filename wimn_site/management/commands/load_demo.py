from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from wimn_site import demo, demo_data, registry
from wimn_site.models import HomePage
from wimn_site.translation_status import record_untracked


class Command(BaseCommand):
    help = "Load the demo content in all four languages (only into a database with no home page)."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when a home page exists.")
        parser.add_argument(
            "--no-examples",
            action="store_true",
            help="Load only the network's record: leave out what the data marks `example: true`.",
        )

    def handle(self, *args, **options):
        if HomePage.objects.exists():
            if options["if_empty"]:
                self.stdout.write("Demo content already present; skipping.")
                return
            self.stderr.write("A home page exists already; demo content loads only into an empty site.")
            return
        # Each app registers DemoData(order, its YAML file, its builder); organizations come before what
        # cites them.
        examples = not options["no_examples"]
        loaders = sorted(registry.contributions(registry.DEMO), key=lambda entry: entry.order)
        with transaction.atomic():
            home = demo.build(demo_data.read("wimn_site/demo.yaml"), examples)
            for entry in loaders:
                import_string(entry.build)(home, demo_data.read(entry.file), examples)
            # Demo pages are created live without a publish signal: index them, and tell the translation
            # desk what they hold, in one go.
            call_command("rebuild_search_index", verbosity=0)
            record_untracked()
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
