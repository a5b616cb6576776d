from django.db import models


class ScheduledTaskRun(models.Model):
    """When the scheduler (`run_scheduler`) last started a periodic task such as the daily purge of visitors'
    data: kept in the database so a restart neither repeats the task nor waits a day for it, and so two
    schedulers running by mistake do not both run it."""

    name = models.CharField(max_length=100, primary_key=True)
    last_run_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "scheduled task run"

    def __str__(self):
        return f"{self.name}: {self.last_run_at}"
