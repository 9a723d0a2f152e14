"""Social delivery in the regional roll-up (hook ``oversight_rollup_metrics``)."""

from __future__ import annotations

from django.db.models import OuterRef
from django.utils.translation import gettext_lazy as _

from home.oversight.metrics import RollupMetric, RollupPeriod, SubqueryCount
from social_publish.models import Channel, ChannelStatus, Syndication, SyndicationState


def social_metrics(period: RollupPeriod) -> list[RollupMetric]:
    """Posts that failed for good in the last thirty days; channels to reconnect now."""
    failed = Syndication.objects.filter(
        channel__site=OuterRef("pk"),
        state=SyndicationState.FAILED,
        updated_at__gte=period.recent_start,
    )
    to_reconnect = Channel.objects.filter(site=OuterRef("pk"), status=ChannelStatus.NEEDS_RECONNECT)
    return [
        RollupMetric(
            "social_failures",
            _("Failed posts (30 days)"),
            SubqueryCount(failed),
            order=50,
        ),
        RollupMetric(
            "channels_to_reconnect",
            _("Channels to reconnect"),
            SubqueryCount(to_reconnect),
            order=51,
        ),
    ]
