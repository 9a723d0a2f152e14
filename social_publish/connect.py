"""Connecting accounts: OAuth 2.0 authorization code flows (requests-oauthlib) and CKAN tokens.

``start()`` returns the platform's consent URL and what the callback needs (kept in the user's
session: ``state``, the PKCE verifier, the site); ``finish()`` exchanges the code for tokens
and creates or updates the channels. Tokens go straight into the encrypted fields.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import requests
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from requests_oauthlib import OAuth2Session

from social_publish import conf
from social_publish.models import Channel, ChannelKind
from social_publish.outbound import RefusedURL, check_url
from social_publish.providers import ProviderError, TokenError, TransientError, provider_for
from social_publish.providers.ckan import PortalRefused
from social_publish.redaction import remember

FACEBOOK_SCOPES = ["pages_show_list", "pages_read_engagement", "pages_manage_posts"]
INSTAGRAM_SCOPES = [*FACEBOOK_SCOPES, "instagram_basic", "instagram_content_publish"]
GOOGLE_SCOPES = [
    "https://www.googleapis.com/auth/youtube.upload",
    "https://www.googleapis.com/auth/youtube.readonly",
    "https://www.googleapis.com/auth/youtube.force-ssl",
]
X_SCOPES = ["tweet.read", "tweet.write", "users.read", "offline.access", "media.write"]
OAUTH_KINDS = ("facebook", "instagram", "youtube", "x")


class ConnectError(Exception):
    """The connection failed; the message is for the admin (translated)."""


@dataclass
class Flow:
    kind: str
    site_id: int
    redirect_uri: str
    state: str = ""
    verifier: str = ""

    def as_session(self) -> dict[str, Any]:
        return self.__dict__.copy()


def _graph(path: str) -> str:
    return f"{conf.get('SOCIAL_GRAPH_BASE_URL').rstrip('/')}/{path}"


def _s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def start(kind: str, site_id: int, redirect_uri: str) -> tuple[str, Flow]:
    """The consent URL to send the admin to, and the flow to keep in the session."""
    flow = Flow(kind, site_id, redirect_uri)
    if kind in {"facebook", "instagram"}:
        scopes = INSTAGRAM_SCOPES if kind == "instagram" else FACEBOOK_SCOPES
        oauth = OAuth2Session(
            conf.get("SOCIAL_FACEBOOK_APP_ID"), redirect_uri=redirect_uri, scope=scopes
        )
        url, flow.state = oauth.authorization_url(conf.get("SOCIAL_FACEBOOK_DIALOG_URL"))
    elif kind == "youtube":
        oauth = OAuth2Session(
            conf.get("SOCIAL_GOOGLE_CLIENT_ID"), redirect_uri=redirect_uri, scope=GOOGLE_SCOPES
        )
        url, flow.state = oauth.authorization_url(
            conf.get("SOCIAL_GOOGLE_AUTH_URL"), access_type="offline", prompt="consent"
        )
    elif kind == "x":
        flow.verifier = secrets.token_urlsafe(64)[:96]
        oauth = OAuth2Session(
            conf.get("SOCIAL_X_CLIENT_ID"), redirect_uri=redirect_uri, scope=X_SCOPES
        )
        url, flow.state = oauth.authorization_url(
            conf.get("SOCIAL_X_AUTH_URL"),
            code_challenge=_s256(flow.verifier),
            code_challenge_method="S256",
        )
    else:
        raise ConnectError(_("This platform is not connected through OAuth."))
    return url, flow


def finish(flow: Flow, authorization_response: str, state: str, user) -> list[Channel]:
    """Exchange the code and store the channels. Raises :class:`ConnectError`."""
    if not flow.state or not secrets.compare_digest(flow.state, state or ""):
        raise ConnectError(_("The connection request expired or was tampered with; try again."))
    try:
        if flow.kind in {"facebook", "instagram"}:
            return _finish_meta(flow, authorization_response, user)
        if flow.kind == "youtube":
            return _finish_google(flow, authorization_response, user)
        return _finish_x(flow, authorization_response, user)
    except (requests.RequestException, ValueError, KeyError) as exc:
        raise ConnectError(
            _("The platform did not accept the connection (%(error)s).")
            % {"error": type(exc).__name__}
        ) from exc


def _session(client_id: str, flow: Flow) -> OAuth2Session:
    return OAuth2Session(client_id, redirect_uri=flow.redirect_uri, state=flow.state)


def _save(site_id: int, kind: str, account_id: str, name: str, user, **tokens) -> Channel:
    """Create or update (reconnect) the channel of one account; tokens encrypted at once."""
    extra = tokens.pop("extra", {})
    with transaction.atomic():
        channel = (
            Channel.objects.select_for_update()
            .filter(site_id=site_id, kind=kind, account_id=account_id)
            .first()
        ) or Channel(site_id=site_id, kind=kind, account_id=account_id)
        channel.name = name[:255]
        channel.extra = {**channel.extra, **extra}
        channel.connect(user=user, **tokens)
        channel.save()
    from social_publish.delivery import resume_channel

    resume_channel(channel)
    return channel


def _finish_meta(flow: Flow, authorization_response: str, user) -> list[Channel]:
    app_id, secret = conf.get("SOCIAL_FACEBOOK_APP_ID"), conf.get("SOCIAL_FACEBOOK_APP_SECRET")
    short = _session(app_id, flow).fetch_token(
        _graph("oauth/access_token"),
        authorization_response=authorization_response,
        client_secret=secret,
        include_client_id=True,
    )
    remember(short.get("access_token"))
    timeout = conf.get("SOCIAL_HTTP_TIMEOUT")
    # In the POST body, not the query string: the secret and the token never sit in a URL
    # (Graph's token endpoint takes its parameters either way).
    long_lived = requests.post(
        _graph("oauth/access_token"),
        data={
            "grant_type": "fb_exchange_token",
            "client_id": app_id,
            "client_secret": secret,
            "fb_exchange_token": short["access_token"],
        },
        timeout=timeout,
    )
    long_lived.raise_for_status()
    user_token = long_lived.json()["access_token"]
    remember(user_token)
    accounts = requests.get(
        _graph("me/accounts"),
        params={"fields": "id,name,access_token,instagram_business_account"},
        headers={"Authorization": f"Bearer {user_token}"},
        timeout=timeout,
    )
    accounts.raise_for_status()
    channels = []
    for page in accounts.json().get("data") or []:
        remember(page.get("access_token"))
        if flow.kind == "facebook":
            channels.append(
                _save(
                    flow.site_id,
                    "facebook",
                    page["id"],
                    page["name"],
                    user,
                    access_token=page["access_token"],
                )
            )
        elif page.get("instagram_business_account"):
            ig_id = page["instagram_business_account"]["id"]
            channels.append(
                _save(
                    flow.site_id,
                    "instagram",
                    ig_id,
                    f"Instagram {page['name']}",
                    user,
                    access_token=page["access_token"],
                    extra={"page_id": page["id"]},
                )
            )
    if not channels:
        raise ConnectError(_("No page (or Instagram account) was shared with this app."))
    return channels


def _expiry(token: dict[str, Any]):
    return timezone.now() + timedelta(seconds=int(token.get("expires_in") or 3600))


def _finish_google(flow: Flow, authorization_response: str, user) -> list[Channel]:
    token = _session(conf.get("SOCIAL_GOOGLE_CLIENT_ID"), flow).fetch_token(
        conf.get("SOCIAL_GOOGLE_TOKEN_URL"),
        authorization_response=authorization_response,
        client_secret=conf.get("SOCIAL_GOOGLE_CLIENT_SECRET"),
        include_client_id=True,
    )
    remember(token.get("access_token"), token.get("refresh_token"))
    if not token.get("refresh_token"):
        raise ConnectError(_("Google gave no offline access; remove the app's access and retry."))
    response = requests.get(
        f"{conf.get('SOCIAL_GOOGLE_BASE_URL').rstrip('/')}/youtube/v3/channels",
        params={"mine": "true", "part": "snippet"},
        headers={"Authorization": f"Bearer {token['access_token']}"},
        timeout=conf.get("SOCIAL_HTTP_TIMEOUT"),
    )
    response.raise_for_status()
    item = response.json()["items"][0]
    return [
        _save(
            flow.site_id,
            "youtube",
            item["id"],
            item["snippet"]["title"],
            user,
            access_token=token["access_token"],
            refresh_token=token["refresh_token"],
            expires_at=_expiry(token),
        )
    ]


def _finish_x(flow: Flow, authorization_response: str, user) -> list[Channel]:
    token = _session(conf.get("SOCIAL_X_CLIENT_ID"), flow).fetch_token(
        f"{conf.get('SOCIAL_X_BASE_URL').rstrip('/')}/2/oauth2/token",
        authorization_response=authorization_response,
        client_secret=conf.get("SOCIAL_X_CLIENT_SECRET"),
        code_verifier=flow.verifier,
    )
    remember(token.get("access_token"), token.get("refresh_token"))
    response = requests.get(
        f"{conf.get('SOCIAL_X_BASE_URL').rstrip('/')}/2/users/me",
        headers={"Authorization": f"Bearer {token['access_token']}"},
        timeout=conf.get("SOCIAL_HTTP_TIMEOUT"),
    )
    response.raise_for_status()
    me = response.json()["data"]
    return [
        _save(
            flow.site_id,
            "x",
            me["id"],
            f"@{me['username']}",
            user,
            access_token=token["access_token"],
            refresh_token=token.get("refresh_token", ""),
            expires_at=_expiry(token),
            extra={"username": me["username"]},
        )
    ]


def connect_ckan(site_id: int, base_url: str, organization: str, api_token: str, user) -> Channel:
    """Check a CKAN API token against the organisation and store the channel.

    The address is checked first (:func:`social_publish.outbound.check_url`: public hosts
    only). What the portal answers is never shown back: each failure has a fixed message.
    """
    try:
        check_url(base_url)
    except RefusedURL as refused:
        raise ConnectError(str(refused)) from None
    probe = Channel(
        site_id=site_id, kind=ChannelKind.CKAN, base_url=base_url, account_id=organization
    )
    probe.access_token = api_token
    try:
        provider_for(probe).check()
    except ProviderError as error:
        raise ConnectError(_ckan_refusal(error)) from error
    except requests.RequestException as exc:
        raise ConnectError(_("The portal could not be reached.")) from exc
    channel = _save(site_id, "ckan", organization, organization, user, access_token=api_token)
    Channel.objects.filter(pk=channel.pk).update(base_url=base_url)
    channel.base_url = base_url
    return channel


def _ckan_refusal(error: ProviderError) -> str:
    """What to tell the admin about a failed CKAN check, without the portal's own words."""
    if isinstance(error, TokenError):
        return _(
            "The portal refused the API token. Create a new token on your account page of the "
            "portal (API Tokens) and paste it here."
        )
    if isinstance(error, TransientError):
        return _("The portal could not be reached or had a temporary problem; try again later.")
    if isinstance(error, PortalRefused):
        return error.message
    return _(
        "The portal did not accept this token for the organisation. Check the organisation's "
        "name and that the token's user may add datasets to it, and that the address is the "
        "portal's (without /api)."
    )


def connect_sandbox(site, user=None) -> Channel:
    """The institution's rehearsal channel (*Uji coba*), created if missing (idempotent).

    It needs no platform account and no token: its posts stay on the rehearsal feed in the
    admin. An existing rehearsal channel is returned unchanged (also when it was disabled).
    """
    from social_publish.providers.sandbox import ACCOUNT_ID

    site_id = getattr(site, "pk", site)
    with transaction.atomic():
        channel, _created = Channel.objects.get_or_create(
            site_id=site_id,
            kind=ChannelKind.SANDBOX,
            account_id=ACCOUNT_ID,
            defaults={
                "name": str(_("Rehearsal channel")),
                "connected_by": user,
                "connected_at": timezone.now(),
            },
        )
    return channel
