from django.db import models


class RateCounter(models.Model):
    """One fixed-window counter of a rate limit (form posts from one address, ...).

    Counted with one atomic `INSERT ... ON CONFLICT DO UPDATE` in PostgreSQL (`wimn_site.ratelimit`), so
    concurrent requests in every worker share it and none is lost; expired rows are swept daily.
    """

    key = models.CharField(max_length=64, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "rate-limit counter"

    def __str__(self):
        return f"{self.key[:12]}…: {self.count}"
