"""The pytest suite. DATABASE_URL and REDIS_URL select PostgreSQL and Redis (see .ci/run)."""

import os
import tempfile
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

# A file, not memory: the real `qcluster` worker started by some tests must see the test data.
# One file per test process, so that parallel runs on one machine never share it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"sop-test-{os.getpid()}.sqlite3")
    }
Q_CLUSTER = {**Q_CLUSTER, "name": "sop-test", "workers": 1, "timeout": 60, "retry": 90}  # noqa: F405
STATIC_ROOT = None  # nothing is collected in tests; static files come from the app finders
# Without SOCIAL_TOKEN_KEYS, channel tokens use the published development key (never in
# production, which requires SOCIAL_TOKEN_KEYS).
SOCIAL_TOKEN_DEVELOPMENT_KEY = True
