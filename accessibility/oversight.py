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


def _versioned_types() -> Q:
    """Pages whose type gets audio and braille versions."""
    types = Q(pk__in=[])
    for label in versioned_models():
        app_label, model = label.split(".")
        types |= Q(content_type__app_label=app_label, content_type__model=model)
    return types


def accessibility_metrics(period: RollupPeriod) -> list[RollupMetric]:
    """Share of live articles with an audio version and with a braille version."""
    pages = pages_of_institution().live()
    articles = _versioned_types()
    audio = Exists(AudioVersion.objects.filter(page=OuterRef("pk")).exclude(file=""))
    braille = Exists(BrailleVersion.objects.filter(page=OuterRef("pk")).exclude(file=""))
    return [
        RollupMetric(
            "audio_ready",
            _("Articles with audio"),
            share(SubqueryCount(pages, articles & Q(audio)), SubqueryCount(pages, articles)),
            kind=Kind.PERCENT,
            order=41,
        ),
        RollupMetric(
            "braille_ready",
            _("Articles with braille"),
            share(SubqueryCount(pages, articles & Q(braille)), SubqueryCount(pages, articles)),
            kind=Kind.PERCENT,
            order=42,
        ),
    ]
