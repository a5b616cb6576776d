import datetime
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.db.models import Q
from django.utils import timezone

from wimn_site.models import ScheduledTaskRun

DAILY = datetime.timedelta(days=1)


def claim(name, every):
    """True when task `name` is due (last started `every` ago or never) and this process may run it now.

    The start time is kept in the database: a restarted scheduler knows when the task last ran, and of two
    schedulers asking at once only one gets True (one conditional UPDATE)."""
    now = timezone.now()
    ScheduledTaskRun.objects.get_or_create(name=name)
    due = Q(last_run_at__isnull=True) | Q(last_run_at__lte=now - every)
    return ScheduledTaskRun.objects.filter(due, name=name).update(last_run_at=now) == 1


class Command(BaseCommand):
    help = (
        "Publish scheduled pages (embargoed media alerts and the like) as their go-live minute arrives, and once "
        "a day delete visitors' data past its time (purge_visitor_data). `make run` starts it; in production run "
        "it as a service, or from cron run `publish_scheduled` every minute and `purge_visitor_data` daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=15, help="Seconds between runs (default 15).")
        parser.add_argument("--once", action="store_true", help="Run once and exit.")

    def handle(self, *args, **options):
        while True:
            self.step()
            if options["once"]:
                return
            time.sleep(options["interval"])
            close_old_connections()  # a connection the database dropped (a restart of PostgreSQL) is replaced

    def step(self):
        """One pass. Each task fails alone: a failed purge never keeps pages from being published."""
        try:
            call_command("publish_scheduled", verbosity=0)
        except Exception as exc:  # keep the loop alive; the next run retries
            self.stderr.write(f"publish_scheduled failed: {exc}")
        try:
            if claim("purge_visitor_data", DAILY):
                call_command("purge_visitor_data", stdout=self.stdout, stderr=self.stderr)
        except Exception as exc:  # retried the next day; the error is in the service's log
            self.stderr.write(f"purge_visitor_data failed: {exc}")
