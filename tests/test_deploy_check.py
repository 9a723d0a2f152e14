"""Production settings pass Django's deployment checks when given real values."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[1]


def run_check(**env):
    local_only = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DEBUG"}
    environment = {k: v for k, v in os.environ.items() if k not in local_only}
    environment.pop("SOCIAL_TOKEN_KEYS", None)
    env.setdefault("SOCIAL_TOKEN_KEYS", Fernet.generate_key().decode())
    environment.update(env, DJANGO_SETTINGS_MODULE="cms.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_check_deploy_passes_without_warnings():
    result = run_check(SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="bantul.example.go.id")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check(SECRET_KEY="", ALLOWED_HOSTS="bantul.example.go.id")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_token_keys():
    """No fallback derived from SECRET_KEY: the start-up error says what to set and how."""
    result = run_check(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="bantul.example.go.id",
        SOCIAL_TOKEN_KEYS="",
    )

    assert result.returncode != 0
    assert "SOCIAL_TOKEN_KEYS must be set in the environment for production" in result.stderr
    assert "Fernet.generate_key()" in result.stderr


def test_production_refuses_a_token_key_that_is_not_a_fernet_key():
    good = Fernet.generate_key().decode()
    result = run_check(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="bantul.example.go.id",
        SOCIAL_TOKEN_KEYS=f"{good},not-a-key",
    )

    assert result.returncode != 0
    assert "SOCIAL_TOKEN_KEYS: key 2 is not a Fernet key" in result.stderr
