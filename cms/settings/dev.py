"""Local development: `make run`. Never use these values on a server."""

from .base import *  # noqa: F403
from .base import env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "django-insecure-local-development-only")
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STATIC_ROOT = None  # runserver serves static files from the app finders; nothing is collected
# Without SOCIAL_TOKEN_KEYS, channel tokens use the published development key (never in
# production, which requires SOCIAL_TOKEN_KEYS).
SOCIAL_TOKEN_DEVELOPMENT_KEY = True
