"""Settings shared by every mode; each knob comes from the environment with a safe default."""

from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from mscos.settings.environment import (
    database_behind_pooler,
    env_bool,
    env_int,
    env_list,
    env_str,
    mail_domain_of,
    mailer_from_url,
    media_bucket_storage,
    sqlite_options,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_SITE_NAME = "MSCOS Community of Practice"

INSTALLED_APPS = [
    "mscos.core",
    "mscos.accounts",
    "mscos.safety",
    "mscos.pages",
    "mscos.outcomes",
    "mscos.updates",
    "mscos.posters",
    "mscos.newsletter",
    "mscos.events",
    "mscos.measurement",
    "mscos.podcasts",
    "mscos.feedback",
    "mscos.joining",
    "mscos.forum",
    "mscos.moderation",
    "mscos.practice",
    "mscos.people",
    "mscos.resources",
    "mscos.search",
    "mscos.evidence",
    "mscos.selfassessment",
    "mscos.demo",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "mscos.accounts.apps.StaffUsersConfig",  # wagtail.users, asking display names
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, routing and the page shell: readers without a cookie (core/page_cache.py).
    "mscos.core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "mscos.core.middleware.UrlLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "mscos.core.middleware.FetchMetadataCsrfMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "mscos.accounts.middleware.SessionPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "mscos.core.middleware.PrivacyHeadersMiddleware",
    "mscos.core.middleware.MediaStorageUnavailableMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "mscos.urls"
WSGI_APPLICATION = "mscos.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: one code path, DATABASE_URL picks the engine.
DATABASES: dict[str, dict[str, Any]] = {
    "default": dict(
        dj_database_url.parse(
            env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = sqlite_options()
# "pgbouncer" when DATABASE_URL points at PgBouncer in transaction mode (docs/deploy.md).
DATABASE_POOLER = env_str("DATABASE_POOLER", "")
DATABASES["default"] = database_behind_pooler(DATABASES["default"], DATABASE_POOLER)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and sessions: Redis when REDIS_URL is set (several app servers); otherwise a table in the
# database, so that every gunicorn worker on the one server shares rate-limit counters.
REDIS_URL = env_str("REDIS_URL")
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("REDIS_KEY_PREFIX", "mscos"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "mscos_cache",
        }
    }
# Whole pages for readers without a cookie (core/page_cache.py): in Redis when there is one
# (every app server shares them), otherwise in each process's memory. 0 seconds turns it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
PAGE_CACHE_STAMP_FILE = Path(
    env_str("PAGE_CACHE_STAMP_FILE", str(VAR_DIR / "page-cache-generation"))
)
if REDIS_URL:
    CACHES["pages"] = {**CACHES["default"], "TIMEOUT": PAGE_CACHE_SECONDS}
else:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "mscos-pages",
        "TIMEOUT": PAGE_CACHE_SECONDS,
        "OPTIONS": {"MAX_ENTRIES": 1000},
    }
# {% cache %} fragments. Their keys are fingerprints of what they show (see the forum index), so
# a copy in each process's memory can never be out of date, and reading one costs no query.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "mscos-template-fragments",
    "OPTIONS": {"MAX_ENTRIES": 200},
}
# Wagtail's picture sizes, looked up on every page that shows one (Wagtail writes them back on
# each look-up): in Redis when there is one; otherwise in each process's memory, not the
# database cache table. Their keys hold the image file's hash and focal point, so a changed
# image never reads an old entry; an hour bounds one whose rendition was deleted.
CACHES["renditions"] = (
    {**CACHES["default"], "TIMEOUT": 3600}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "mscos-renditions",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
)
# Sessions: in the database, read through Redis when there is one. Without Redis the cache is a
# database table too, and cached_db would write every member's request to two tables.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)

# Background work: a persistent queue in the database; `manage.py db_worker` runs it.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "email"],
    }
}

# Newsletter: a mailing whose worker has been silent this long is resumed by the scheduler.
NEWSLETTER_STALL_SECONDS = env_int("NEWSLETTER_STALL_SECONDS", 120)
# A delivery the mail server refuses for now is tried this many times in all, waiting the base
# delay, then twice as long each time (at most six hours between attempts).
NEWSLETTER_MAX_ATTEMPTS = env_int("NEWSLETTER_MAX_ATTEMPTS", 6)
NEWSLETTER_RETRY_BASE_SECONDS = env_int("NEWSLETTER_RETRY_BASE_SECONDS", 60)

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:overview"
LOGOUT_REDIRECT_URL = "/"

# Membership (django-allauth): a pseudonymous username to sign in, an optional email address.
ACCOUNT_ADAPTER = "mscos.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    form: f"mscos.accounts.forms.{name}"
    for form, name in {
        "signup": "SignupForm",
        "login": "LoginForm",
        "change_password": "ChangePasswordForm",  # nosec B105 - a form class name
        "set_password": "SetPasswordForm",  # nosec B105 - a form class name
        "reset_password": "ResetPasswordForm",  # nosec B105 - a form class name
        "reset_password_from_key": "ResetPasswordKeyForm",  # nosec B105 - a form class name
        "add_email": "AddEmailForm",
        "reauthenticate": "ReauthenticateForm",
    }.items()
}
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "optional"  # given addresses are verified before anything is sent
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_EMAIL_NOTIFICATIONS = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_USER_DISPLAY = "mscos.accounts.models.public_name_of"
ACCOUNT_USERNAME_MIN_LENGTH = 3
# Subjects say what the mail is, with no "[host] " in front (the sender's name says who).
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Cool-offs expire on their own, so nobody can lock a member out for good by guessing wrong.
ACCOUNT_RATE_LIMITS = {
    # Failed sign-ins: per (hashed) address, and per account and address together (adapter.py),
    # so guesses from elsewhere slow the guesser down and never lock the member out.
    "login_failed": "10/m/ip,30/h/ip,5/5m/key",
    "login": "30/m/ip",
    "signup": "10/h/ip",
    "reset_password": "5/h/ip,3/h/key",  # a rate limit, not a password: # nosec B105
    "reset_password_from_key": "20/m/ip",  # a rate limit, not a password: # nosec B105
    "change_password": "5/m/user",  # a rate limit, not a password: # nosec B105
    "manage_email": "10/m/user",
    "confirm_email": "1/3m/key",
    "reauthenticate": "10/m/user",
    "recover_password": "10/h/ip,5/h/key",  # a rate limit for our recovery-code reset: # nosec B105
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "MSCOS Community of Practice"
MFA_RATE_LIMITS = {"authenticate": "5/m/user,20/h/user", "reauthenticate": "10/m/user"}
# Public forms: a form's signed start time is good for one submission, within this many hours.
BOT_CHECK_MAX_AGE_HOURS = env_int("BOT_CHECK_MAX_AGE_HOURS", 6)
# Self-assessment: a cell of "Where services struggle" is shown only with this many assessments
# behind it; a public report link works this many days, then its free text is erased.
SELF_ASSESSMENT_MIN_CELL = env_int("SELF_ASSESSMENT_MIN_CELL", 10)
SELF_ASSESSMENT_REPORT_DAYS = env_int("SELF_ASSESSMENT_REPORT_DAYS", 30)
# Public self-assessments one (hashed) address may send in a day.
SELF_ASSESSMENTS_PER_ADDRESS_PER_DAY = env_int("SELF_ASSESSMENTS_PER_ADDRESS_PER_DAY", 3)
# Signed-in sessions end after this long without a request.
MEMBER_SESSION_IDLE_SECONDS = env_int("MEMBER_SESSION_IDLE_SECONDS", 2 * 60 * 60)
STAFF_SESSION_IDLE_SECONDS = env_int("STAFF_SESSION_IDLE_SECONDS", 30 * 60)
# Signed-in pages warn this long before the idle timeout, with an "I'm still here" button.
SESSION_WARNING_SECONDS = env_int("SESSION_WARNING_SECONDS", 2 * 60)
# Paths a staff account may only reach once it has set up two-factor authentication.
MFA_REQUIRED_PATH_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/moderation/",
    "/account/badges/review/",
)
MFA_REQUIRED_PATH_SUFFIXES = ("/moderate/",)

# Languages: English unprefixed, the others under /ro/, /sq/, /ar/. The language comes from the
# URL alone (mscos.core.middleware.UrlLocaleMiddleware): never from a cookie or Accept-Language.
LANGUAGE_CODE = "en-gb"
LANGUAGES = [
    ("en-gb", _("English")),
    ("ro", _("Romanian")),
    ("sq", _("Albanian")),
    ("ar", _("Arabic")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# How dates read in each language (month and day names through the catalogues): mscos.core.formats.
FORMAT_MODULE_PATH = ["mscos.core.formats"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media in an S3-compatible bucket instead of MEDIA_ROOT when a bucket is named; still served by
# the site at /media/images/ and /documents/, never from the bucket's address (docs/deploy.md).
_media_bucket = env_str("MEDIA_S3_BUCKET")
if _media_bucket:
    STORAGES["default"] = media_bucket_storage(_media_bucket)
# Documents always go through Wagtail's view (privacy checks, the site's own origin), never a
# redirect to the storage's address, which Wagtail would otherwise choose for a bucket.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Email: SMTP from EMAIL_URL, otherwise every message is written to var/mail/.
# The sender defaults to noreply@ the site's own host (SITE_URL), never a made-up domain.
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", f"{WAGTAIL_SITE_NAME} <noreply@{mail_domain_of(SITE_URL)}>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Mails sent by tasks (account mails, feedback replies, messages to experts) are tried again
# after each of these waits, in minutes, while the mail server is away (about 16 hours in all).
MAIL_RETRY_MINUTES = [
    int(minutes) for minutes in env_list("MAIL_RETRY_MINUTES", ["1", "5", "15", "60", "180", "720"])
]
# The team's inbox: Reply-To of mails a person may answer (replies to feedback). Empty: the
# replying staff member's own contact address.
CONTACT_EMAIL = env_str("CONTACT_EMAIL", "")
_email_url = env_str("EMAIL_URL")  # lower case: not a setting, so never shown with its password
if _email_url:
    MAILERS = {"default": mailer_from_url(_email_url)}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(VAR_DIR / "mail")},
        }
    }

# Wagtail
# The admin's avatars are drawn locally: a Gravatar image is a request to another origin (and
# broken here, since the site loads nothing from elsewhere).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILIMAGES_IMAGE_MODEL = "core.SiteImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "mscos.core.image_forms.SiteImageForm"  # alt text required
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Podcast audio (mscos.podcasts) is uploaded as documents and played in the page, not downloaded.
WAGTAILDOCS_EXTENSIONS += ["mp3", "m4a", "ogg", "oga", "opus", "wav"]
# One type per audio extension, served and named in the podcast feed alike (Python's own guesses
# differ by version: "audio/x-wav" for .wav, nothing for .opus on some).
WAGTAILDOCS_CONTENT_TYPES = {
    "mp3": "audio/mpeg",
    "m4a": "audio/x-m4a",
    "ogg": "audio/ogg",
    "oga": "audio/ogg",
    "opus": "audio/opus",
    "wav": "audio/wav",
}
WAGTAILDOCS_INLINE_CONTENT_TYPES = [
    "audio/x-m4a",
    "application/pdf",
    "text/plain",
    "audio/mpeg",
    "audio/mp4",
    "audio/ogg",
    "audio/opus",
    "audio/wav",
    "audio/x-wav",
]
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin would otherwise call an outside server
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False  # passwords are managed through the account pages
WAGTAIL_PASSWORD_RESET_ENABLED = False

# Security headers. The public site gets a strict policy: nothing from another origin.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "mscos.core.views.csrf_failure"
# W003 looks for Django's CSRF middleware by name; ours subclasses it (mscos.core.middleware), and
# the check mscos.E001 (mscos/core/checks.py) fails if it is missing instead.
SILENCED_SYSTEM_CHECKS = ["security.W003"]
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "frame-src": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
}
# The Wagtail admin needs inline styles and scripts; it still loads nothing from elsewhere.
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF, "blob:"],
    "object-src": [CSP.NONE],
    "frame-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],  # the live preview alone may be framed (core/middleware.py)
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
}
ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), "
    "browsing-topics=()"
)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# Nothing outlives the browser for someone who has not signed in (docs/privacy.md): the CSRF
# cookie (set only by a page with a form) and any session are browser-session cookies. Signed-in
# sessions get their idle time-out from accounts.middleware.
CSRF_COOKIE_AGE = None
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = MEMBER_SESSION_IDLE_SECONDS
SESSION_SAVE_EVERY_REQUEST = True
# Notices shown after an action travel in the session, never in a cookie that would carry their
# words (a display name, an address) on the device.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Client addresses exist only as keyed hashes (mscos.safety.addresses), kept this long at most.
ADDRESS_HASH_RETENTION_DAYS = env_int("ADDRESS_HASH_RETENTION_DAYS", 30)
# Finished background tasks keep their arguments (a message to an expert: name, address, text);
# the scheduler deletes them this long after they finish.
FINISHED_TASK_RETENTION_HOURS = env_int("FINISHED_TASK_RETENTION_HOURS", 24)
# How many proxies in front of the app append to X-Forwarded-For (0: trust REMOTE_ADDR only).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Outcome measurement (docs/measurement.md). Note keys: Fernet keys, comma-separated, newest first;
# unset, one is generated into the key file on first use (local mode and tests only).
MEASUREMENT_NOTE_KEYS = env_list("MEASUREMENT_NOTE_KEYS", [])
MEASUREMENT_NOTE_KEY_FILE = Path(
    env_str("MEASUREMENT_NOTE_KEY_FILE", str(VAR_DIR / "measurement-note-keys"))
)
MEASUREMENT_INVITATION_DAYS = env_int("MEASUREMENT_INVITATION_DAYS", 7)
MEASUREMENT_SURVIVOR_LINK_HOURS = env_int("MEASUREMENT_SURVIVOR_LINK_HOURS", 24)
# A programme dashboard shows no figure that covers fewer people than this ("fewer than 5"), so
# nobody reading it for trustees or funders can pick out one person (docs/measurement.md).
MEASUREMENT_DASHBOARD_MIN_CELL = env_int("MEASUREMENT_DASHBOARD_MIN_CELL", 5)
# Pooled evidence (docs/decisions/0018-pooled-disclosure-control.md): no published figure covers
# fewer people than this, beyond any one organisation's own, or fewer organisations than this.
EVIDENCE_MIN_CELL = env_int("EVIDENCE_MIN_CELL", 10)
EVIDENCE_MIN_ORGANISATIONS = env_int("EVIDENCE_MIN_ORGANISATIONS", 5)

# Where the exit control sends a reader when no editor has chosen otherwise.
DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather"

DEFAULT_EXCEPTION_REPORTER_FILTER = "mscos.safety.logging.StrictExceptionReporterFilter"

# Logs carry no client address, no request body and no cookie (docs/privacy.md).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"privacy": {"()": "mscos.safety.logging.RedactPrivateDataFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["privacy"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"handlers": [], "propagate": False},
        "wagtail": {"level": env_str("WAGTAIL_LOG_LEVEL", "WARNING")},
        "django.tasks": {"level": env_str("TASKS_LOG_LEVEL", "WARNING")},
    },
}

# The danger detector's learned layer (mscos/moderation/safeguarding/model.py); off, the lexicon
# works alone.
SAFEGUARDING_MODEL = env_bool("SAFEGUARDING_MODEL", True)

# Moderation (docs/moderation.md): claims, report thresholds in and out of hours, how long words
# removed from posts are kept for safeguarding leads.
MODERATION_CLAIM_MINUTES = env_int("MODERATION_CLAIM_MINUTES", 15)
# How long a queue decision can be undone from the queue.
MODERATION_UNDO_MINUTES = env_int("MODERATION_UNDO_MINUTES", 10)
MODERATION_REPORTS_TO_HIDE = env_int("MODERATION_REPORTS_TO_HIDE", 3)
MODERATION_OUT_OF_HOURS_REPORTS_TO_HIDE = env_int("MODERATION_OUT_OF_HOURS_REPORTS_TO_HIDE", 3)
MODERATION_OUT_OF_HOURS_REPORTS_TO_PAUSE = env_int("MODERATION_OUT_OF_HOURS_REPORTS_TO_PAUSE", 5)
MODERATION_REDACTION_RETENTION_DAYS = env_int("MODERATION_REDACTION_RETENTION_DAYS", 90)
# Only reporters with standing count towards hiding a post or pausing its writer (moderation.md,
# "How reports are weighed"): an account this many days old, with this many approved posts, and
# fewer than this many reports a moderator did not uphold (unless more were upheld).
MODERATION_STANDING_MIN_ACCOUNT_DAYS = env_int("MODERATION_STANDING_MIN_ACCOUNT_DAYS", 7)
MODERATION_STANDING_MIN_APPROVED_POSTS = env_int("MODERATION_STANDING_MIN_APPROVED_POSTS", 2)
MODERATION_STANDING_REJECTED_REPORTS = env_int("MODERATION_STANDING_REJECTED_REPORTS", 2)
# Sign-up: accounts made per (hashed) address per hour; a new account's first posts are checked
# by a moderator until this many are approved (its probation), unless a moderator lifts it.
ACCOUNT_SIGNUPS_PER_ADDRESS_PER_HOUR = env_int("ACCOUNT_SIGNUPS_PER_ADDRESS_PER_HOUR", 5)
ACCOUNT_PROBATION_POSTS_CHECKED = env_int("ACCOUNT_PROBATION_POSTS_CHECKED", 2)

# Forum: the longest post a member or guest may send, in characters (Markdown as typed); the
# renderer refuses to format anything longer.
FORUM_MAX_POST_LENGTH = env_int("FORUM_MAX_POST_LENGTH", 20_000)
