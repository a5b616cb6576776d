import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Publish scheduled pages (embargoed media alerts and the like) as their go-live minute arrives. "
        "`make run` starts it; in production run it as a service, or run `publish_scheduled` from cron every minute."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=15, help="Seconds between runs (default 15).")
        parser.add_argument("--once", action="store_true", help="Run once and exit.")

    def handle(self, *args, **options):
        while True:
            try:
                call_command("publish_scheduled", verbosity=0)
            except Exception as exc:  # keep the loop alive; the next run retries
                self.stderr.write(f"publish_scheduled failed: {exc}")
            if options["once"]:
                return
            time.sleep(options["interval"])
