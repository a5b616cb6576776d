"""The production settings for app servers started by the tests (tests/services.py): static files from the
source folders, so no collectstatic run is needed."""

from wimn_site.settings.production import *  # noqa: F403

STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
