"""The intake register (*buku agenda*): a gapless *nomor agenda* per institution and year."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from sop_workflow.models import IntakeCounter, IntakeRegisterEntry
from sop_workflow.records.numbering import local_year, next_number


def register_intake(page, site: Site, user=None) -> IntakeRegisterEntry:
    """Give ``page`` its *nomor agenda* (once; a resubmission keeps its number).

    The number comes from :func:`~sop_workflow.records.numbering.next_number`: the counter
    stays locked until the surrounding transaction ends, so parallel submissions queue up and a
    rolled-back submission gives its number back: numbers are unique and gapless.
    """
    existing = IntakeRegisterEntry.objects.filter(page_id=page.pk).first()
    if existing is not None:
        return existing
    year = local_year(site.pk)
    with transaction.atomic():
        specific = page.specific
        return IntakeRegisterEntry.objects.create(
            site=site,
            year=year,
            number=next_number(IntakeCounter, site.pk, year),
            page_id=page.pk,
            revision=page.get_latest_revision(),
            title=page.title,
            news_type=getattr(specific, "news_type", "") or "",
            registered_at=timezone.now(),
            registered_by=user,
        )
