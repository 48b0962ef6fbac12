"""Settings for Tutti, read from the environment.

Defaults are the safe production ones; the demo and the tests relax them explicitly
(`DEBUG=1` for the demo, `tutti.settings_test` for the tests).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY in the environment (DEBUG is off).")
    SECRET_KEY = "demo-only-insecure-key-never-used-in-production"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# A failed form check gets the site's own 403 page, not Django's bare one.
CSRF_FAILURE_VIEW = "tutti.core.views.csrf_failure"
# Every form names the field in its "required" message (tutti/core/forms.py).
FORM_RENDERER = "tutti.core.forms.FormRenderer"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "django_tables2",
    "csp",
    "tutti.core",
    "tutti.network",
    "tutti.accounts",
    "tutti.partners",
    "tutti.schools",
    "tutti.programmes",
    "tutti.learners",
    "tutti.inclusion",
    "tutti.instruments",
    "tutti.finance",
    "tutti.opportunities",
    "tutti.families",
    # Sign-in, password reset, two-factor (TOTP and recovery codes) and the list of one's own sessions.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    # Sign-in throttling (per account and per address), on the app's sign-in and the admin's alike.
    "axes",
]

# People sign in by email; the model lives in tutti.accounts (no usernames).
AUTH_USER_MODEL = "accounts.User"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "tutti.accounts.middleware.AbsoluteSessionLimitMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tutti.urls"
WSGI_APPLICATION = "tutti.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "tutti.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'tutti.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Common passwords dressed up ("Password2024!", "p4ssw0rd...") and words about this service.
    {"NAME": "tutti.accounts.passwords.GuessablePasswordValidator"},
]

# Sign-in (django-allauth): email and password, then the second factor; nobody signs themselves up,
# hub administrators invite people (tutti.accounts.services.membership_invite).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first, so a locked-out account or address is refused early
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:hub_home"
FAMILY_HOME_URL = "families:home"  # where a person who belongs to no hub lands after signing in
ACCOUNT_ADAPTER = "tutti.accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"  # an invitation's link already proves the address
ACCOUNT_SESSION_REMEMBER = False  # sessions end when idle, never "remember me"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_PREVENT_ENUMERATION = True
# django-axes throttles passwords in the database (shared by every server), so allauth's per-address limit on
# sign-in forms is off: it counted successful sign-ins too, refusing the 31st colleague in a minute behind one
# school's address. allauth's "login_failed" limit is kept, keyed by account, for the authenticator-code step
# (5 wrong codes in 5 minutes); AccountAdapter.pre_authenticate keeps it off the password step. allauth's
# other limits stay on for password-reset emails and the like.
ACCOUNT_RATE_LIMITS = {"login": False, "login_failed": "5/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Tutti"
MFA_RECOVERY_CODE_COUNT = 10
# The code fields open a phone's numeric keypad (authenticator and recovery codes are digits only).
MFA_FORMS = {
    "authenticate": "tutti.accounts.forms.CodeForm",
    "reauthenticate": "tutti.accounts.forms.ReauthenticateCodeForm",
    "activate_totp": "tutti.accounts.forms.ActivateCodeForm",
}
USERSESSIONS_TRACK_ACTIVITY = True

# Throttling (tutti.accounts.throttling): 5 failures for one account from one address lock that account
# from that address, and 50 from one address for any accounts lock the address; HTTP 429 for 15 minutes.
# Attempts refused during a lockout are not counted, so a locked-out person retrying neither extends their
# own cool-off nor uses up the allowance of everyone else behind their school's or council's address.
AXES_HANDLER = "tutti.accounts.throttling.SignInThrottleHandler"
AXES_FAILURE_LIMIT = 5
SIGN_IN_ADDRESS_FAILURE_LIMIT = 50
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_CALLABLE = "tutti.accounts.throttling.username_from_attempt"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # axes would otherwise log each attempted email address
# How many proxies of our own (load balancers) stand in front of the application servers: each appends the
# address it was reached from to X-Forwarded-For, so the client is that many entries from the right; entries
# further left are whatever the client sent. 0: the servers face the internet and the header is ignored.
TRUSTED_PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "tutti.accounts.throttling.client_address_behind_proxies"

# Sessions end after 30 minutes without a request (saved on every request so activity extends it)
# and 12 hours after sign-in whatever happens (tutti.accounts.middleware).
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_ABSOLUTE_LIMIT_SECONDS = 12 * 60 * 60

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
# Where emails sent outside a request (a family told their child was offered a place) point people back to.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Tutti <no-reply@tutti.example>")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "staticfiles"))  # where collectstatic writes
STATICFILES_DIRS = [
    # GOV.UK Frontend's JavaScript and images, installed from npm (never copied into the repo).
    ("govuk", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
    # Tutti's stylesheet, compiled from tutti/core/static_src by `npm run build:css`.
    VAR_DIR / "build" / "static",
]
# Uploads (activity photos, hubs' published PDFs) go through the storage API; production sets a shared
# backend in STORAGES["default"] (DESIGN.md: no local files for uploads past one machine).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Families' remission evidence: private, outside the static and media roots, never given a URL. In
    # production point it at a private S3-compatible bucket (django-storages' S3 backend) instead.
    "evidence": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": Path(os.environ.get("EVIDENCE_ROOT", VAR_DIR / "evidence")), "base_url": None},
    },
}

# Security: production defaults; DEBUG (the demo on 127.0.0.1) turns off the HTTPS-only ones.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers probe /health/ over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 0 if DEBUG else 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Tutti API",
    "DESCRIPTION": "Read-only data on England's Music Hub network: hub areas, local authorities, "
    "lead organisations and funding allocations. Money is in pence.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["tutti.network.api.schema.public_endpoints_only"],
    # Two models have a `kind` with different choices: name each enum so the schema has no collision.
    "ENUM_NAME_OVERRIDES": {
        "LocalAuthorityKindEnum": "tutti.network.models.LocalAuthority.Kind",
        "LeadOrganisationKindEnum": "tutti.network.models.LeadOrganisation.Kind",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Where the seed data shipped with the project lives (hub areas, ONS boundaries and lookups).
NETWORK_SEED_DIR = BASE_DIR / "tutti" / "network" / "seed"

# Small counts: anything seen outside the hub's own staff shows a count below this as "fewer than 10".
SMALL_COUNT_THRESHOLD = int(os.environ.get("SMALL_COUNT_THRESHOLD", "10"))
# Remission evidence is deleted this many days after the decision (manage.py delete_expired_evidence).
INCLUSION_EVIDENCE_RETENTION_DAYS = int(os.environ.get("INCLUSION_EVIDENCE_RETENTION_DAYS", "90"))
