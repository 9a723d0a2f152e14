"""Production: PostgreSQL, Redis, gunicorn, qcluster workers, WhiteNoise static files."""

from django.core.exceptions import ImproperlyConfigured

from social_publish.crypto import parse_keys

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool, env_int, env_str

DEBUG = False
# One database connection per worker, kept for DB_CONN_MAX_AGE seconds (not one per request).
DATABASES["default"]["CONN_MAX_AGE"] = env_int(  # noqa: F405
    "DB_CONN_MAX_AGE", env_int("DATABASE_CONN_MAX_AGE", 600)
)
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
# Channel tokens are encrypted with these keys; nothing is derived from SECRET_KEY.
SOCIAL_TOKEN_KEYS = env_str("SOCIAL_TOKEN_KEYS", "")
try:
    if not parse_keys(SOCIAL_TOKEN_KEYS):
        raise ValueError(
            "SOCIAL_TOKEN_KEYS must be set in the environment for production: comma-separated "
            'Fernet keys, the first encrypts. Make one with: python -c "from cryptography.fernet '
            'import Fernet; print(Fernet.generate_key().decode())"'
        )
except ValueError as problem:
    raise ImproperlyConfigured(str(problem)) from None

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# The editor's live preview frames the page from the same origin, so DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
# One reverse proxy in front (see README): its X-Forwarded-For entry is the client address.
AXES_TRUSTED_PROXY_COUNT = env_int("AXES_TRUSTED_PROXY_COUNT", 1)
SILENCED_SYSTEM_CHECKS = ["security.W019"]
