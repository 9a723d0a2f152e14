"""Models of ``social_publish``: connected channels, syndication jobs and link reports."""

from .channels import SANDBOX_LABEL, Channel, ChannelKind, ChannelStatus
from .messages import SocialMessage
from .sandbox import SandboxPost
from .syndications import LinkReport, Syndication, SyndicationState

__all__ = [
    "SANDBOX_LABEL",
    "Channel",
    "ChannelKind",
    "ChannelStatus",
    "LinkReport",
    "SandboxPost",
    "SocialMessage",
    "Syndication",
    "SyndicationState",
]
