"""Gapless numbers per institution and year: the *nomor agenda* and the archive number.

Each kind of number has a counter model with ``site``, ``year`` and ``last_number`` and a unique
constraint on (site, year) (:class:`~sop_workflow.models.IntakeCounter`,
:class:`~sop_workflow.models.ArchiveCounter`).
"""

from __future__ import annotations

from django.db import models, transaction
from django.utils import timezone

from home.tenancy import institution_time_zone


def local_year(site_id: int) -> int:
    """The current year in the institution's time zone (Asia/Jakarta when it has none)."""
    return timezone.now().astimezone(institution_time_zone(site_id)).year


def next_number(counter_model: type[models.Model], site_id: int, year: int) -> int:
    """The next number of ``counter_model`` for the institution ``site_id`` in ``year``.

    The counter row is created when missing, then locked (``select_for_update``: a row lock on
    PostgreSQL; SQLite's write lock does the same) until the caller's transaction ends. Parallel
    callers queue up and a rolled-back caller gives its number back, so numbers are unique and
    gapless. Call it inside the transaction that stores the numbered row (without one, it runs
    in a transaction of its own; inside one it adds no savepoint).
    """
    with transaction.atomic(savepoint=False):
        counter_model.objects.bulk_create(
            [counter_model(site_id=site_id, year=year)], ignore_conflicts=True
        )
        counter = counter_model.objects.select_for_update().get(site_id=site_id, year=year)
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
    return counter.last_number
