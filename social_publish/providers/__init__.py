"""Platform adapters behind one interface (:class:`~.base.Provider`).

Adding a platform is one module with a ``Provider`` subclass plus an entry in ``PROVIDERS``
(and a choice in :class:`~social_publish.models.ChannelKind`).
"""

from __future__ import annotations

from importlib import import_module

from .base import Media, Post, Provider, Result
from .errors import (
    OutcomeUnknown,
    PermanentError,
    ProviderError,
    ThrottledError,
    TokenError,
    TransientError,
)

PROVIDERS = {
    "facebook": "social_publish.providers.facebook.FacebookProvider",
    "instagram": "social_publish.providers.instagram.InstagramProvider",
    "youtube": "social_publish.providers.youtube.YouTubeProvider",
    "x": "social_publish.providers.x.XProvider",
    "ckan": "social_publish.providers.ckan.CkanProvider",
    "sandbox": "social_publish.providers.sandbox.SandboxProvider",
}


def provider_class(kind: str) -> type[Provider]:
    module, _, name = PROVIDERS[kind].rpartition(".")
    return getattr(import_module(module), name)


def provider_for(channel, session=None) -> Provider:
    """The adapter for ``channel``."""
    return provider_class(channel.kind)(channel, session)


__all__ = [
    "PROVIDERS",
    "Media",
    "OutcomeUnknown",
    "PermanentError",
    "Post",
    "Provider",
    "ProviderError",
    "Result",
    "ThrottledError",
    "TokenError",
    "TransientError",
    "provider_class",
    "provider_for",
]
