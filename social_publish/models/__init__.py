"""Models of ``social_publish``: connected channels, syndication jobs and link reports."""

from .channels import Channel, ChannelKind, ChannelStatus
from .syndications import LinkReport, Syndication, SyndicationState

__all__ = [
    "Channel",
    "ChannelKind",
    "ChannelStatus",
    "LinkReport",
    "Syndication",
    "SyndicationState",
]
