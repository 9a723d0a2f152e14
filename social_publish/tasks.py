"""Entry points of the django-q2 jobs (arguments are primary keys only)."""

from __future__ import annotations


def deliver(syndication_pk: int) -> str:
    """Publish one syndication row (see :mod:`social_publish.delivery`)."""
    from social_publish.delivery import deliver as run

    return run(int(syndication_pk))


def sweep() -> int:
    """Every few minutes: restart jobs of dead workers and lost retries."""
    from social_publish.delivery import sweep as run

    return run()


def health_check() -> dict[str, int]:
    """Daily: validate every channel's credentials."""
    from social_publish.health import check_all

    return check_all()
