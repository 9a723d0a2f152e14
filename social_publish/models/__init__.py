"""Models of ``social_publish``: connected channels, syndication jobs and link reports."""

from .channels import Channel, ChannelKind, ChannelStatus
from .messages import SocialMessage
from .syndications import LinkReport, Syndication, SyndicationState

__all__ = [
    "Channel",
    "ChannelKind",
    "ChannelStatus",
    "LinkReport",
    "SocialMessage",
    "Syndication",
    "SyndicationState",
]
