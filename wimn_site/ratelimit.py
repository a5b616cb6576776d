"""Rate limits with an explicit window, counted atomically and shared by every process.

`hit("form-post", client_ip(request), limit=5, window=3600)` counts one event and says whether the
allowance of the window is used up. The window starts at the first event and lasts `window` seconds;
the counter is one PostgreSQL row updated by a single statement, so two workers posting at the same
instant both count (a cache's read-then-write would lose one). With `REDIS_URL` set (several app
servers), the counter is a Redis key counted and given its expiry by one Lua script, atomic too.
"""

import hashlib
import logging
import math
from dataclasses import dataclass

import redis

from django.conf import settings
from django.db import connection
from django.utils import timezone

from .models.security import RateCounter

logger = logging.getLogger(__name__)

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


# INCR, and on the first event of a window its expiry; returns the count and the seconds left.
_LUA = """
local count = redis.call('INCR', KEYS[1])
if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('TTL', KEYS[1])}
"""
_redis = {}


def _redis_client():
    url = settings.REDIS_URL
    if url not in _redis:
        _redis[url] = redis.Redis.from_url(url, socket_timeout=2)
    return _redis[url]


def hit(scope, identity, *, limit, window):
    """Count one event of `scope` by `identity` (an address, an email) in a window of `window` seconds."""
    if getattr(settings, "REDIS_URL", ""):
        try:
            count, remaining = _redis_client().eval(_LUA, 1, "wimn:rate:" + _key(scope, identity), int(window))
            return Hit(count=int(count), limit=limit, retry_after=max(0, int(remaining)))
        except redis.RedisError:
            logger.exception("Redis unreachable for rate limits; counting in the database meanwhile")
    with connection.cursor() as cursor:
        cursor.execute(_SQL.format(table=RateCounter._meta.db_table), [_key(scope, identity), float(window)])
        count, remaining = cursor.fetchone()
    return Hit(count=count, limit=limit, retry_after=max(0, math.ceil(remaining)))


def sweep():
    """Delete the counters whose window has closed; returns how many."""
    deleted, _ = RateCounter.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted
