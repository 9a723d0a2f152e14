"""The pytest suite. DATABASE_URL and REDIS_URL select PostgreSQL and Redis (see .ci/run)."""

from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, env_str

SECRET_KEY = "test-only-secret-key-not-for-production"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(env_str("TEST_MEDIA_ROOT", str(BASE_DIR / ".test-media")))
WAGTAILADMIN_BASE_URL = "http://testserver"
