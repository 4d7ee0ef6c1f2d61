"""tuijin settings: one module, driven by the environment.

Defaults give the embedded setup (SQLite in ./data, DEBUG on for local use only when asked);
production sets DATABASE_URL, SECRET_KEY, DEBUG=0 and ALLOWED_HOSTS (see docs/deploy.md).
"""

from __future__ import annotations

import datetime
import json
import os
import sys
import warnings
from pathlib import Path

import dj_database_url
import django_stubs_ext
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

# Lets Django's generic classes take type parameters at run time (ModelAdmin[Unit], ModelForm[…]).
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("TUIJIN_DATA_DIR", Path.cwd() / "data")).resolve()


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _env_bool("DEBUG", False)
# The development mode: local development (DEBUG=1 or TUIJIN_DEV=1; manage.py in the checkout sets
# TUIJIN_DEV=1, production uses `tuijin manage`), `tuijin demo` (it sets TUIJIN_DEV=1) and the tests
# (pytest sets PYTEST_VERSION, inherited by the processes the tests start), and mypy, whose
# django-stubs plugin reads these settings. Only there may tuijin run without SECRET_KEY, on this
# key that everyone can read in the source; any other start without SECRET_KEY is refused, and
# `check --deploy` reports the key (tuijin/core/checks.py).
DEV_SECRET_KEY = "tuijin-insecure-development-key-change-me-in-production-0123456789"
DEVELOPMENT_MODE = (
    DEBUG
    or _env_bool("TUIJIN_DEV", False)
    or "PYTEST_VERSION" in os.environ
    or "mypy" in sys.modules
)
SECRET_KEY = os.environ.get("SECRET_KEY", "").strip()
if not SECRET_KEY:
    if not DEVELOPMENT_MODE:
        raise ImproperlyConfigured(
            "[S001] 未设置 SECRET_KEY：生产环境必须设置一段很长的随机字符串"
            "（例如 python -c 'import secrets; print(secrets.token_urlsafe(50))' 的输出），"
            "见 docs/deploy.md。本机试用请运行 tuijin demo，或设置 TUIJIN_DEV=1（开发模式）。"
        )
    SECRET_KEY = DEV_SECRET_KEY
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_htmx",
    "ninja",  # serves the API docs page from local static files (no CDN)
    "simple_history",
    "rules",
    "axes",  # sign-in throttling: failed passwords lock a username on an address for a while
    "csp",  # the Content-Security-Policy header
    "huey.contrib.djhuey",  # the task queue (tuijin/core/jobs.py)
    "tuijin.core",
    "tuijin.orgs",
    "tuijin.geo",
    "tuijin.industry",
    "tuijin.documents",
    "tuijin.plans",
    "tuijin.projects",
    "tuijin.reporting",
    "tuijin.accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tuijin.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: turns a lockout into its page
]

ROOT_URLCONF = "tuijin.urls"
WSGI_APPLICATION = "tuijin.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

if not os.environ.get("DATABASE_URL", "").strip():
    os.environ.pop("DATABASE_URL", None)  # set but empty means the default, not an error
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'tuijin.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update({"timeout": 20, "transaction_mode": "IMMEDIATE"})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out sign-in before any password is checked (it needs
# the request: `authenticate(request, …)`, as Django's login views and forms do). Object
# permissions (tuijin/accounts/permissions.py) through `rules`; superusers pass everything.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Argon2 for new and changed passwords; the PBKDF2 hashers after it still verify older hashes,
# which are rehashed with Argon2 at the next successful sign-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

# Password rules for the user form and `tuijin user add` (messages in Chinese, see
# tuijin/accounts/password_rules.py).
_VALIDATION = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATION}.UserAttributeSimilarityValidator"},
    {
        "NAME": "tuijin.accounts.password_rules.MinimumLengthValidator",
        "OPTIONS": {"min_length": int(os.environ.get("TUIJIN_PASSWORD_MIN_LENGTH", "10"))},
    },
    {"NAME": f"{_VALIDATION}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATION}.NumericPasswordValidator"},
]

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from
# one address, that pair is refused (even with the right password) until AXES_COOLOFF_TIME has
# passed without a new attempt; the page says so in Chinese (accounts.views.locked_out_view, U007).
# Attempts are kept in the database, so every app process sees the same count.
AXES_ENABLED = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("TUIJIN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("TUIJIN_LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "tuijin.accounts.views.locked_out_view"
# Behind N reverse proxies every request comes from a proxy's address: TUIJIN_PROXY_COUNT=N takes
# the client's address from X-Forwarded-For as the proxy wrote it (tuijin/accounts/client_ip.py).
TUIJIN_PROXY_COUNT = int(os.environ.get("TUIJIN_PROXY_COUNT", "0") or "0")
AXES_CLIENT_IP_CALLABLE = "tuijin.accounts.client_ip.client_ip"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
# Uploaded and exported files go through Django's storage API: the local folder MEDIA_ROOT by
# default; with several app hosts, a shared store, e.g. S3-compatible object storage through
# django-storages: TUIJIN_FILE_STORAGE=storages.backends.s3.S3Storage and its options as JSON in
# TUIJIN_FILE_STORAGE_OPTIONS (docs/deploy.md). Nothing is ever served from MEDIA_URL directly.
STORAGES = {
    "default": {
        "BACKEND": os.environ.get(
            "TUIJIN_FILE_STORAGE", "django.core.files.storage.FileSystemStorage"
        ).strip(),
        "OPTIONS": json.loads(os.environ.get("TUIJIN_FILE_STORAGE_OPTIONS", "") or "{}"),
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or _env_bool("TUIJIN_PLAIN_STATIC", True)
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
# Without `collectstatic` the files come from the finders; that is fine, not worth a warning.
warnings.filterwarnings("ignore", message="No directory at")

# Uploads: documents up to 50 MB; larger requests are refused with a clear message.
TUIJIN_MAX_UPLOAD_BYTES = int(os.environ.get("TUIJIN_MAX_UPLOAD_BYTES", str(50 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "overview"
LOGOUT_REDIRECT_URL = "login"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "tuijin@localhost")

# Production hardening: on when DEBUG is off and TUIJIN_SECURE is set (behind HTTPS).
if _env_bool("TUIJIN_SECURE", False):
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): everything from this server only, no inline scripts, no
# framing. Inline styles are allowed (style-src only): ECharts writes style attributes into its
# tooltips and htmx adds its indicator style; scripts stay strict.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],  # Pico's and Swagger UI's icons are data: URLs
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Background work (tuijin/core/jobs.py): huey on Redis when REDIS_URL is set (production, several
# app processes), else on a SQLite file beside the database (the embedded setup, no server).
# `tuijin worker` consumes it and runs the daily jobs; TUIJIN_JOBS_IMMEDIATE=1 runs every job at
# once in the process that starts it (the default under pytest).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if not REDIS_URL:
    DATA_DIR.mkdir(parents=True, exist_ok=True)  # the SQLite queue opens its file at start
# The cache: in Redis when REDIS_URL is set, so that every app process shares it (Django's own
# Redis backend); else each process keeps its own in memory.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

HUEY = {
    "name": "tuijin",
    "huey_class": "huey.RedisHuey" if REDIS_URL else "huey.SqliteHuey",
    "connection": {"url": REDIS_URL}
    if REDIS_URL
    else {"filename": str(DATA_DIR / "queue.sqlite3")},
    "immediate": _env_bool("TUIJIN_JOBS_IMMEDIATE", "PYTEST_VERSION" in os.environ),
    "utc": True,
    "consumer": {
        "workers": int(os.environ.get("TUIJIN_JOB_WORKERS", "2")),
        "worker_type": "thread",
        "periodic": True,
        "check_worker_health": True,
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # the task queue's worker says what it runs (once: not again through the root logger)
    "loggers": {"huey": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
