"""Fast, deterministic settings for the test suite (same PostgreSQL as everywhere else)."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105 - test settings only
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Uploads made by tests go to a folder of their own, emptied at the start of each run (tests/conftest.py),
# never into the media/ folder of the development site.
# One folder per test database and pytest-xdist worker, so parallel runs never share or empty each other's files.
MEDIA_ROOT = (
    BASE_DIR  # noqa: F405
    / "var"
    / "test-media"
    / os.environ.get("TEST_DATABASE_NAME", "test")
    / os.environ.get("PYTEST_XDIST_WORKER", "main")
)
# django-axes logs every failed sign-in as a warning (kept in production); the lockout tests make hundreds.
LOGGING["loggers"] = {"axes": {"level": "ERROR"}}  # noqa: F405
# Tests sign staff in with force_login; the two-step tests turn the requirement on themselves
# (tests/wimn_site/test_two_factor.py), and a test checks production keeps it on.
WIMN_2FA_REQUIRED = False
# The admin's page search index (Wagtail's database backend) is not updated on every save in tests: it cost
# a fifth of the time of creating a page. tests/wimn_site/test_admin_search.py indexes pages of every type
# with the production setting and searches them in the admin.
WAGTAILSEARCH_BACKENDS = {"default": {**WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}}  # noqa: F405
