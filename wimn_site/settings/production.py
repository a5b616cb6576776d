"""Production: everything secret or host-specific comes from the environment, nothing has a default."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_list

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment for production.")
if "DATABASE_URL" not in os.environ:
    raise ImproperlyConfigured("Set DATABASE_URL in the environment for production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# Production runs behind one proxy (nginx or Varnish) on this machine unless told otherwise.
WIMN_PROXY_HOPS = int(os.environ.get("WIMN_PROXY_HOPS", "1"))
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# HTTPS everywhere. WIMN_BEHIND_TLS_PROXY=1 when a proxy terminates TLS and sets X-Forwarded-Proto.
if os.environ.get("WIMN_BEHIND_TLS_PROXY", "1") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "wimn_cache",
        # every public page in four languages fits (the anonymous page cache, wimn_site/page_cache.py)
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("WIMN_CACHE_MAX_ENTRIES", "5000"))},
    }
}
if REDIS_URL:  # noqa: F405 - several app servers share the cache and the sessions through Redis
    CACHES = redis_caches(REDIS_URL)  # noqa: F405
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # a Redis restart signs nobody out
WIMN_PAGE_CACHE_SECONDS = int(os.environ.get("WIMN_PAGE_CACHE_SECONDS", "60"))
WIMN_PROXY_CACHE_SECONDS = int(os.environ.get("WIMN_PROXY_CACHE_SECONDS", "300"))
