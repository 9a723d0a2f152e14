"""Access tokens that expire and are renewed with a refresh token (YouTube, X)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from social_publish.redaction import remember

from .base import Provider
from .errors import TokenError

EARLY_REFRESH = timedelta(seconds=60)


class RefreshingProvider(Provider):
    """A provider whose access token is refreshed before it expires and after a 401."""

    def token_endpoint(self) -> str:
        raise NotImplementedError

    def request_refresh(self, refresh_token: str) -> dict[str, Any]:
        """POST the refresh grant; return the token response. Raises :class:`TokenError`."""
        raise NotImplementedError

    def bearer(self) -> dict[str, str]:
        """Authorization header with a fresh access token."""
        expires = self.channel.token_expires_at
        if expires is not None and expires - EARLY_REFRESH <= timezone.now():
            self.refresh(self.channel.access_token)
        return {"Authorization": f"Bearer {self.channel.access_token}"}

    def refresh(self, stale_access_token: str) -> None:
        """Get a new access token and store it (and a rotated refresh token) at once.

        The channel row is locked and the new tokens are committed before anything else
        happens: X refresh tokens are single-use, so a token lost here is a reconnect. If
        another worker refreshed meanwhile, its token is used instead of refreshing again.
        """
        from social_publish.models import Channel

        with transaction.atomic():
            channel = Channel.objects.select_for_update().get(pk=self.channel.pk)
            fresh = channel.token_expires_at is None or (
                channel.token_expires_at - EARLY_REFRESH > timezone.now()
            )
            if channel.access_token != stale_access_token and fresh:
                self.channel = channel
                return
            if not channel.refresh_token:
                raise self.token_error("no refresh token stored")
            token = self.request_refresh(channel.refresh_token)
            remember(token.get("access_token"), token.get("refresh_token"))
            channel.access_token = token["access_token"]
            if token.get("refresh_token"):
                channel.refresh_token = token["refresh_token"]
            channel.token_expires_at = timezone.now() + timedelta(
                seconds=int(token.get("expires_in") or 3600)
            )
            channel.save(
                update_fields=[
                    "access_token_encrypted",
                    "refresh_token_encrypted",
                    "token_expires_at",
                ]
            )
        self.channel = channel

    def authorized(self, method: str, url: str, *, write: bool = False, **kwargs):
        """A request with the bearer token; one explicit refresh and retry after a 401."""
        headers = {**kwargs.pop("headers", {}), **self.bearer()}
        response = self.call(method, url, write=write, headers=headers, **kwargs)
        if response.status_code != 401:
            return response
        self.refresh(self.channel.access_token)
        headers.update(self.bearer())
        response = self.call(method, url, write=write, headers=headers, **kwargs)
        if response.status_code == 401:
            raise self.token_error(f"401 after refresh: {response.text[:200]}")
        return response

    def oauth_failure(self, response) -> TokenError | None:
        """A token endpoint answer that means the grant is dead."""
        try:
            error = response.json().get("error")
        except ValueError:
            error = None
        if response.status_code in {400, 401} and error in {
            "invalid_grant",
            "invalid_request",
            "unauthorized_client",
        }:
            return self.token_error(f"refresh failed: {error}")
        return None
