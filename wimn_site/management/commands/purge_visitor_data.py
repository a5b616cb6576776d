import datetime

from axes.helpers import get_cool_off
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from wimn_site import ratelimit
from wimn_site.models import FormPage, FormSubmission
from wimn_site.subscriptions import CONFIRMATION_DAYS


def _delete(queryset):
    """Delete the rows of `queryset`; how many of its own model (not the rows deleted with them)."""
    _total, per_model = queryset.delete()
    return per_model.get(queryset.model._meta.label, 0)


class Command(BaseCommand):
    help = (
        "Delete visitors' data past its time: form submissions older than WIMN_FORM_RETENTION_DAYS, "
        f"mailing-list sign-ups left unconfirmed for {CONFIRMATION_DAYS} days, expired rate-limit counters, "
        "sign-in logs older than the retention period and failed sign-ins whose lockout has ended. "
        "`run_scheduler` runs it once a day."
    )

    def handle(self, *args, **options):
        days = settings.WIMN_FORM_RETENTION_DAYS
        if days < 1:
            raise CommandError(f"WIMN_FORM_RETENTION_DAYS must be at least 1 (it is {days}).")
        now = timezone.now()
        kept_since = now - datetime.timedelta(days=days)
        unconfirmed = FormSubmission.objects.filter(
            purpose=FormPage.NEWSLETTER,
            confirmed_at__isnull=True,
            submitted_at__lt=now - datetime.timedelta(days=CONFIRMATION_DAYS),
        )
        lockout_over = now - get_cool_off()
        deleted = [
            (f"form submissions older than {days} days", FormSubmission.objects.filter(submitted_at__lt=kept_since)),
            (f"sign-ups unconfirmed after {CONFIRMATION_DAYS} days", unconfirmed),
            (f"sign-in log entries older than {days} days", AccessLog.objects.filter(attempt_time__lt=kept_since)),
            (
                f"sign-in failure logs older than {days} days",
                AccessFailureLog.objects.filter(attempt_time__lt=kept_since),
            ),
            ("failed sign-ins past their lockout", AccessAttempt.objects.filter(attempt_time__lte=lockout_over)),
        ]
        for what, queryset in deleted:
            self.stdout.write(f"Deleted {_delete(queryset)}: {what}.")
        self.stdout.write(f"Deleted {ratelimit.sweep()}: expired rate-limit counters.")
