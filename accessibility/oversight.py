"""Audio and braille versions in the regional roll-up (hook ``oversight_rollup_metrics``)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from accessibility.models import AudioVersion, BrailleVersion
from accessibility.signal_handlers import versioned_models
from home.oversight.metrics import (
    Kind,
    RollupMetric,
    RollupPeriod,
    SubqueryCount,
    pages_of_institution,
    share,
)


def _versioned_live_pages():
    """Live pages of the row's institution whose type gets audio and braille versions."""
    types = Q(pk__in=[])
    for label in versioned_models():
        app_label, model = label.split(".")
        types |= Q(content_type__app_label=app_label, content_type__model=model)
    return pages_of_institution().live().filter(types)


def accessibility_metrics(period: RollupPeriod) -> list[RollupMetric]:
    """Share of live articles with an audio version and with a braille version."""
    pages = _versioned_live_pages()
    with_audio = pages.filter(
        Exists(AudioVersion.objects.filter(page=OuterRef("pk")).exclude(file=""))
    )
    with_braille = pages.filter(
        Exists(BrailleVersion.objects.filter(page=OuterRef("pk")).exclude(file=""))
    )
    return [
        RollupMetric(
            "audio_ready",
            _("Articles with audio"),
            share(SubqueryCount(with_audio), SubqueryCount(pages)),
            kind=Kind.PERCENT,
            order=41,
        ),
        RollupMetric(
            "braille_ready",
            _("Articles with braille"),
            share(SubqueryCount(with_braille), SubqueryCount(pages)),
            kind=Kind.PERCENT,
            order=42,
        ),
    ]
