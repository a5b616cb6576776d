"""Rate limits with an explicit window, counted atomically and shared by every process.

`hit("form-post", client_ip(request), limit=5, window=3600)` counts one event and says whether the
allowance of the window is used up. The window starts at the first event and lasts `window` seconds;
the counter is one PostgreSQL row updated by a single statement, so two workers posting at the same
instant both count (a cache's read-then-write would lose one).
"""

import hashlib
import math
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone

from .models.security import RateCounter

_SQL = """
INSERT INTO {table} (key, count, expires_at) VALUES (%s, 1, now() + make_interval(secs => %s))
ON CONFLICT (key) DO UPDATE SET
  count = CASE WHEN {table}.expires_at <= now() THEN 1 ELSE {table}.count + 1 END,
  expires_at = CASE WHEN {table}.expires_at <= now() THEN EXCLUDED.expires_at ELSE {table}.expires_at END
RETURNING count, EXTRACT(EPOCH FROM (expires_at - now()))
"""


@dataclass(frozen=True)
class Hit:
    count: int
    limit: int
    retry_after: int  # seconds until the window closes

    @property
    def allowed(self):
        return self.count <= self.limit


def _key(scope, identity):
    return hashlib.sha256(f"{scope}\0{identity}".encode()).hexdigest()


def hit(scope, identity, *, limit, window):
    """Count one event of `scope` by `identity` (an address, an email) in a window of `window` seconds."""
    with connection.cursor() as cursor:
        cursor.execute(_SQL.format(table=RateCounter._meta.db_table), [_key(scope, identity), float(window)])
        count, remaining = cursor.fetchone()
    return Hit(count=count, limit=limit, retry_after=max(0, math.ceil(remaining)))


def sweep():
    """Delete the counters whose window has closed; returns how many."""
    deleted, _ = RateCounter.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted
