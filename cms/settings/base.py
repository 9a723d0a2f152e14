"""Settings shared by every environment. Everything that varies comes from the environment."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from cms.env import env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "cms",
    # Before "home": home's ready() replaces its purge handlers with home.signal_handlers.
    "wagtail.contrib.frontend_cache",
    "home",
    "home.security",
    "sop_workflow",
    "social_publish",
    "accessibility",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "home.users_app.InstitutionUsersAppConfig",  # wagtail.users, roles-only user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_q",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # gzip, except responses with a CSRF token or never-cache ones (BREACH; home.caching).
    "home.caching.PublicGZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # One read of the site list's stamp per request: sites come from the process's copy.
    "home.middleware.SiteListStampMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # ETag on cacheable responses, 304 for If-None-Match.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "home.security.middleware.SecondFactorMiddleware",
    # Cache-Control: public for anonymous pages, never-cache with a session or CSRF token.
    "home.caching.CacheHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "home.middleware.InstitutionTimezoneMiddleware",
    # Operator-only admin areas and other institutions' pages, refused before the view.
    "home.admin_guard.AdminTenancyGuardMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.security.middleware.ContentSecurityPolicyMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.institution",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Persistent connections (seconds; 0 = one per request, None = unlimited). Production defaults
# to 600 (cms/settings/production.py); health checks drop a connection the server closed.
DB_CONN_MAX_AGE = env_int("DB_CONN_MAX_AGE", env_int("DATABASE_CONN_MAX_AGE", 0))
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=DB_CONN_MAX_AGE,
        conn_health_checks=env_bool("DB_CONN_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and the qcluster share the file.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "sop"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sign-in security (home/security, README "Security").
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",  # first: refuses a locked-out account or address
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "wagtailadmin_login"
# Admin sessions end after this much inactivity (every request renews them) and, through
# Django's session auth hash, on a password change.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
# Seconds a staff invitation or password link works (home/staff/invites.py).
STAFF_INVITE_MAX_AGE = env_int("STAFF_INVITE_MAX_AGE", 3 * 24 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
# Failed sign-ins lock the account and, separately, the client address.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "home.security.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "home.security.lockout.client_ip"
AXES_TRUSTED_PROXY_COUNT = env_int("AXES_TRUSTED_PROXY_COUNT", 0)
AXES_VERBOSE = False
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Portal Publikasi Instansi")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The public sites are Indonesian whatever the visitor's browser asks for (no LocaleMiddleware);
# admin users may pick another language in their Wagtail account settings.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
# The project catalogue comes first so that it can complete Wagtail's Indonesian translation.
LOCALE_PATHS = [BASE_DIR / "locale"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def s3_storage() -> dict:
    """``STORAGES["default"]`` for the S3-compatible bucket the ``S3_*`` variables describe."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET", ""),
            "endpoint_url": env_str("S3_ENDPOINT_URL", "") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID", "") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY", "") or None,
            "region_name": env_str("S3_REGION", "") or None,
            # Files are public website media, so their URLs are plain (no expiring signature)
            # and can be cached; S3_CUSTOM_DOMAIN serves them through a CDN or proxy.
            "custom_domain": env_str("S3_CUSTOM_DOMAIN", "") or None,
            "url_protocol": env_str("S3_URL_PROTOCOL", "https:"),
            "querystring_auth": env_bool("S3_QUERYSTRING_AUTH", False),
            "location": env_str("S3_LOCATION", ""),
            "addressing_style": env_str("S3_ADDRESSING_STYLE", "") or None,
            "default_acl": env_str("S3_DEFAULT_ACL", "") or None,
            # Like the filesystem: a new upload never replaces another file of the same name.
            "file_overwrite": False,
            # A file being read is kept in memory up to this size, then in a temporary file.
            "max_memory_size": 10 * 1024 * 1024,
        },
    }


# Media and everything generated from it (renditions, audio, braille, upload sources): on the
# local disk (MEDIA_ROOT) unless S3_BUCKET names an S3-compatible bucket, which every web
# process and worker on every machine then shares (django-storages; MEDIA_ROOT is not used).
if env_str("S3_BUCKET", ""):
    STORAGES["default"] = s3_storage()
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Portal Publikasi Instansi")
BASE_URL = env_str("BASE_URL", "http://localhost:8000")
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILIMAGES_IMAGE_MODEL = "home.InstitutionImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.forms.InstitutionImageForm"
WAGTAILADMIN_USER_LOGIN_FORM = "home.forms.LoginForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
    "mp4",
    "webm",
    "mp3",
    "ogg",
    "opus",  # WhatsApp voice notes
    "m4a",  # phone recorders
    "wav",
    "vtt",
]
# Documents always through Wagtail's serve view, which checks collection privacy; never a
# redirect to the file's (public) media or bucket URL (home/media.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_MB", 200) * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAIL_USER_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
# Without this every institution's submissions would e-mail every operator.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# SOP roles have no publish permission; the approved SOP workflow publishes (sop_workflow).
WAGTAIL_FINISH_WORKFLOW_ACTION = "sop_workflow.moderation.publishing.finish_workflow"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars from gravatar.com would leak editors' e-mail hashes and fail on closed networks.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# HTTP caching of the public sites (home.caching): browsers keep an anonymous page
# PUBLIC_CACHE_MAX_AGE seconds, the caching proxy PUBLIC_CACHE_S_MAXAGE seconds between purges.
PUBLIC_CACHE_MAX_AGE = env_int("PUBLIC_CACHE_MAX_AGE", 60)
PUBLIC_CACHE_S_MAXAGE = env_int("PUBLIC_CACHE_S_MAXAGE", 300)
# The caching proxy (deploy/varnish/) that Wagtail purges on publish, unpublish, move and delete
# (home.signal_handlers), e.g. http://127.0.0.1:6081. Unset: no proxy, nothing is purged.
FRONTEND_CACHE_URL = env_str("FRONTEND_CACHE_URL", "")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "home.purge_backend.BoundedHTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
            "TIMEOUT": env_int("FRONTEND_CACHE_TIMEOUT", 2),
        }
    }
TAGGIT_CASE_INSENSITIVE = True

# Background jobs: django-q2 on the ORM broker by default, on Redis when REDIS_URL is set.
Q_CLUSTER = {
    "name": env_str("Q_CLUSTER_NAME", "sop"),
    "workers": env_int("Q_WORKERS", 2),
    "timeout": env_int("Q_TIMEOUT", 300),
    "retry": env_int("Q_RETRY", 360),
    "max_attempts": 1,
    "catch_up": False,
    "save_limit": 1000,
    "label": "Django Q2",
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every handler masks platform tokens and secrets (social_publish/redaction.py).
    "filters": {"redact_secrets": {"()": "social_publish.redaction.RedactingFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_secrets"]},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # Wagtail 8 logs every page action and background index task at INFO.
        "wagtail": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django_tasks": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # django-axes logs every sign-in at INFO; failures and lockouts stay visible.
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # WeasyPrint logs each step of every PDF at INFO and unsupported CSS at WARNING.
        "weasyprint": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
