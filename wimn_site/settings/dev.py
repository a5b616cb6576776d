"""Local development: debug on, console email, a throwaway key."""

import os

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - development settings only
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Two-step sign-in is optional for the development admin (WIMN_2FA_REQUIRED=1 to try enrolment).
WIMN_2FA_REQUIRED = os.environ.get("WIMN_2FA_REQUIRED", "0") == "1"
