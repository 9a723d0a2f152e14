"""The intake register (*buku agenda*): a gapless *nomor agenda* per institution and year."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from home.tenancy import institution_time_zone
from sop_workflow.models import IntakeCounter, IntakeRegisterEntry


def _local_year(site: Site) -> int:
    """The current year where the institution is (its time zone)."""
    return timezone.now().astimezone(institution_time_zone(site)).year


def register_intake(page, site: Site, user=None) -> IntakeRegisterEntry:
    """Give ``page`` its *nomor agenda* (once; a resubmission keeps its number).

    The counter row is locked (``select_for_update``) until the surrounding transaction ends,
    so parallel submissions queue up and a rolled-back submission gives its number back:
    numbers are unique and gapless.
    """
    existing = IntakeRegisterEntry.objects.filter(page_id=page.pk).first()
    if existing is not None:
        return existing
    year = _local_year(site)
    with transaction.atomic():
        IntakeCounter.objects.bulk_create(
            [IntakeCounter(site=site, year=year)], ignore_conflicts=True
        )
        counter = IntakeCounter.objects.select_for_update().get(site=site, year=year)
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
        specific = page.specific
        return IntakeRegisterEntry.objects.create(
            site=site,
            year=year,
            number=counter.last_number,
            page_id=page.pk,
            revision=page.get_latest_revision(),
            title=page.title,
            news_type=getattr(specific, "news_type", "") or "",
            registered_at=timezone.now(),
            registered_by=user,
        )
