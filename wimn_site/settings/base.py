"""Settings shared by every environment. Values that differ per deploy come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    # wagtail-modeltranslation must come before the apps whose models it translates.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "wimn_site",
    "campaigns",
    "statements",
    "events",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail_footnotes",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "wimn_site.outage.DatabaseOutageMiddleware",  # the database unreachable: a 503 page, never a 500
    "wimn_site.middleware.OneLeadingSlashMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wimn_site.middleware.PrefixOnlyLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "wimn_site.frame.SiteMiddleware",  # the request's Site from the cache (after CommonMiddleware's host check)
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "wimn_site.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wimn_site.middleware.SecurityHeadersMiddleware",
    "wimn_site.middleware.MethodNotAllowedPageMiddleware",
    "wimn_site.lockout.GuardedFormsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "wimn_site.page_cache.AnonymousPageCacheMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: turns a lockout into the 429 page
]
# Seconds an anonymous visitor's copy of a public page is kept (wimn_site/page_cache.py); 0 = off.
# Needs a cache shared by every process, so it is on in production only (database cache).
WIMN_PAGE_CACHE_SECONDS = int(os.environ.get("WIMN_PAGE_CACHE_SECONDS", "0"))
# A caching proxy in front (Varnish with deploy/varnish/wimn.vcl, or a CDN; docs/deploy.md): how long it may
# keep a public page (sent as s-maxage; 0 = say nothing), and where the app sends its purges. The same
# rules (wimn_site/cache_invalidation.py) empty the proxy and the in-app page cache.
WIMN_PROXY_CACHE_SECONDS = int(os.environ.get("WIMN_PROXY_CACHE_SECONDS", "0"))
WAGTAILFRONTENDCACHE = (
    {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["WIMN_PROXY_PURGE_URL"],
        }
    }
    if os.environ.get("WIMN_PROXY_PURGE_URL")
    else {}
)
WAGTAILFRONTENDCACHE_LANGUAGES = ["en", "es", "pt", "fr"]
# Several app servers: with REDIS_URL (redis://127.0.0.1:6379/0) the production settings keep the cache and
# the sessions in Redis, and the rate-limit counters go there too (wimn_site/ratelimit.py); without it, the
# database holds them, which is right for one machine.
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_caches(url):
    return {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": "wimn"}
    }


ROOT_URLCONF = "wimn_site.urls"
CSRF_FAILURE_VIEW = "wimn_site.views.csrf_failure"  # the refusal in the visitor's language
WSGI_APPLICATION = "wimn_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# One PostgreSQL everywhere. `make run`/`make test` export DATABASE_URL for the embedded server.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default="postgres://postgres@localhost:5432/wimn",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,  # CONN_HEALTH_CHECKS: a restarted PostgreSQL is reconnected, no app restart
    )
}
# Prepared statements: psycopg binds parameters on the server and prepares a query the second time a
# connection runs it, so PostgreSQL plans it once per connection instead of on every request. A page's reads
# have a fixed SQL text (wimn_site.compiled), so most of its queries skip planning: the home page's five
# queries went from 1.4 ms to 0.5 ms of PostgreSQL's CPU, 222 -> 254 requests a second (docs/development.md).
# DB_PREPARED_STATEMENTS=0 turns this off (behind a transaction-pooling PgBouncer, unless it is 1.21 or later
# with max_prepared_statements set). A release restarts the processes after migrating (docs/deploy.md).
if os.environ.get("DB_PREPARED_STATEMENTS", "1").lower() not in ("0", "false", "no", "off"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=2)
if os.environ.get("TEST_DATABASE_NAME"):
    # Lets several test runs share one server without clobbering each other's test database.
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sign-in: django-axes counts failures in the database before Django checks a password (wimn_site/lockout.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "wimn_site.lockout.LockoutHandler"
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"], "ip_address", "username"]
AXES_FAILURE_LIMIT = int(os.environ.get("WIMN_LOCKOUT_FAILURES", "5"))  # per address and username
WIMN_LOCKOUT_FAILURES_PER_ADDRESS = int(os.environ.get("WIMN_LOCKOUT_FAILURES_PER_ADDRESS", "20"))
WIMN_LOCKOUT_FAILURES_PER_USERNAME = int(os.environ.get("WIMN_LOCKOUT_FAILURES_PER_USERNAME", "50"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("WIMN_LOCKOUT_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = False  # LockoutHandler forgives only the signed-in username's own failures
AXES_CLIENT_IP_CALLABLE = "wimn_site.client_ip.client_ip"
AXES_USERNAME_CALLABLE = "wimn_site.lockout.username_for_lockout"
AXES_LOCKOUT_CALLABLE = "wimn_site.lockout.lockout_response"
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = False  # no Django admin here: unlock with `manage.py axes_reset_ip` / `axes_reset_username`
# Two-step sign-in (wimn_site/two_factor.py): required for superusers and these groups; others may opt in.
WIMN_2FA_REQUIRED = os.environ.get("WIMN_2FA_REQUIRED", "1") == "1"
WIMN_2FA_REQUIRED_GROUPS = env_list(
    "WIMN_2FA_REQUIRED_GROUPS", "Administrators,Editors,Moderators,Press officers,Translators"
)  # every staff role: translators read embargoed drafts and their snippet edits go live at once
OTP_TOTP_ISSUER = os.environ.get("WIMN_2FA_ISSUER", "WIMN website")
# A staff session ends after a working day without a request (renewed on every request).
SESSION_COOKIE_AGE = int(os.environ.get("WIMN_SESSION_IDLE_HOURS", "8")) * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
# Wagtail's front-end login (for pages restricted to signed-in users) is the admin's, with its 2FA step.
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"

# The visitor's address behind proxies (wimn_site/client_ip.py): X-Forwarded-For is read only from these
# addresses, WIMN_PROXY_HOPS entries from its right (1 = one proxy such as nginx or Varnish; 0 = none).
WIMN_PROXY_HOPS = int(os.environ.get("WIMN_PROXY_HOPS", "0"))
WIMN_TRUSTED_PROXIES = env_list("WIMN_TRUSTED_PROXIES", "127.0.0.1,::1")
# Mailing-list confirmation links the site sends in an hour, in all (wimn_site/subscriptions.py).
WIMN_CONFIRMATION_EMAILS_PER_HOUR = int(os.environ.get("WIMN_CONFIRMATION_EMAILS_PER_HOUR", "200"))
# Contact and mailing-list forms: posts per client address, and the window in seconds.
WIMN_FORM_RATE_LIMIT = (
    int(os.environ.get("WIMN_FORM_POSTS", "5")),
    int(os.environ.get("WIMN_FORM_WINDOW_SECONDS", "3600")),
)
# Days a form submission is kept; `purge_visitor_data` (run daily by `run_scheduler`) deletes older ones, and
# sign-in logs of the same age. Unconfirmed mailing-list sign-ups go after 7 days (wimn_site/subscriptions.py).
WIMN_FORM_RETENTION_DAYS = int(os.environ.get("WIMN_FORM_RETENTION_DAYS", "365"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the original; every public URL carries a prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("fr", _("French")),
]
# The language names shown in the switcher, each in its own language.
LANGUAGE_NATIVE_NAMES = {"en": "English", "es": "Español", "pt": "Português", "fr": "Français"}
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/New_York"

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "es", "pt", "fr")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# wagtail-footnotes' Footnote.text is translated by modeltranslation (statements/translation.py), which adds
# a column per language: its migrations live in our tree, re-exporting the package's own and adding ours.
MIGRATION_MODULES = {"wagtail_footnotes": "statements.footnote_migrations"}
WAGTAIL_FOOTNOTES_TEXT_FEATURES = ["bold", "italic", "link"]
WAGTAIL_FOOTNOTES_REFERENCE_TEMPLATE = "statements/includes/footnote_reference.html"
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = False
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Women in Migration Network"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = False  # one page row holds every language (wagtail-modeltranslation)
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("es", "Español"), ("pt", "Português"), ("fr", "Français")]
# Review before publishing (wimn_site.roles): an approval publishes, or schedules at the embargo's minute.
WAGTAIL_FINISH_WORKFLOW_ACTION = "wimn_site.workflow_finish.publish_approved"
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILEMBEDS_FINDERS = []  # no third-party embeds on public pages
# The admin makes no third-party requests either: no Gravatar (it would send a hash of each staff
# member's email address to gravatar.com) and no check for new Wagtail releases from the browser.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Uploads: an allow-list of document types, never HTML or SVG; images capped by size and pixels.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "ods", "pptx", "odp", "txt", "csv", "rtf"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []  # always a download, never rendered inline
WIMN_MAX_DOCUMENT_BYTES = int(os.environ.get("WIMN_MAX_DOCUMENT_BYTES", str(20 * 1024 * 1024)))
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif", "gif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "wimn_site.images.ImageForm"  # a decompression bomb is a form error
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

WIMN_DEFAULT_CONTACT_EMAIL = "wimninfo@womeninmigration.org"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
WAGTAILDOCS_DOCUMENT_MODEL = "wimn_site.WimnDocument"
from .storage import *  # noqa: E402,F403  uploads on S3-compatible storage when AWS_STORAGE_BUCKET_NAME is set

STORAGES["default"] = WIMN_MEDIA_STORAGE  # noqa: F405
