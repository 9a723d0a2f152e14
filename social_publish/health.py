"""Daily check of every channel's credentials, before posts start failing."""

from __future__ import annotations

import logging

from django.utils import timezone

from social_publish.models import Channel, ChannelStatus
from social_publish.notifications import notify_reconnect
from social_publish.providers import ProviderError, TransientError, provider_for

logger = logging.getLogger("social_publish")


def check_channel(channel: Channel) -> bool:
    """Validate one channel; mark it and tell its admins when it must be reconnected."""
    try:
        provider_for(channel).check()
    except TransientError as error:  # the platform is down, not our token: try tomorrow
        logger.info("health check of channel %s: %s", channel.pk, error.detail)
        return True
    except ProviderError as error:
        if channel.mark_needs_reconnect(error.message):
            notify_reconnect(channel)
        return False
    Channel.objects.filter(pk=channel.pk).update(checked_at=timezone.now())
    return True


def check_all() -> dict[str, int]:
    results = {"ok": 0, "needs_reconnect": 0}
    for channel in Channel.objects.filter(status=ChannelStatus.ACTIVE).select_related("site"):
        results["ok" if check_channel(channel) else "needs_reconnect"] += 1
    return results
