"""What Facebook Pages and Instagram share: the Graph API's error envelope and token check."""

from __future__ import annotations

import json
from typing import Any

import requests
from django.utils.translation import gettext as _

from social_publish import conf

from .base import Provider
from .errors import PermanentError, ProviderError, ThrottledError, TransientError

TRANSIENT_CODES = {1, 2}
THROTTLE_CODES = {4, 17, 32, 613}
PERMISSION_CODES = {10, *range(200, 300)}
DEFAULT_THROTTLE_SECONDS = 300


def regain_seconds(response: requests.Response) -> float:
    """Seconds until access is regained, from ``X-Business-Use-Case-Usage`` (minutes)."""
    try:
        usage = json.loads(response.headers.get("X-Business-Use-Case-Usage") or "{}")
    except ValueError:
        return DEFAULT_THROTTLE_SECONDS
    minutes = [
        entry.get("estimated_time_to_regain_access") or 0
        for entries in usage.values()
        if isinstance(entries, list)
        for entry in entries
        if isinstance(entry, dict)
    ]
    return max(minutes, default=0) * 60 or DEFAULT_THROTTLE_SECONDS


class GraphProvider(Provider):
    """Base of the Graph adapters: requests with the page token, errors classified."""

    def url(self, path: str) -> str:
        return f"{conf.get('SOCIAL_GRAPH_BASE_URL').rstrip('/')}/{path.lstrip('/')}"

    def graph(self, method: str, path: str, *, write: bool = False, **kwargs) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.channel.access_token}"}
        response = self.call(method, self.url(path), write=write, headers=headers, **kwargs)
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.ok and "error" not in body:
            return body
        raise self.classify(response, body.get("error") or {})

    def classify(self, response: requests.Response, error: dict[str, Any]) -> ProviderError:
        code = error.get("code")
        detail = f"graph code {code}/{error.get('error_subcode')}: {error.get('message', '')}"
        if code == 190:
            return self.token_error(detail)
        if code in THROTTLE_CODES:
            return ThrottledError(
                _("The platform's rate limit was reached; trying again later."),
                detail,
                retry_after=regain_seconds(response),
            )
        if code in TRANSIENT_CODES or error.get("is_transient"):
            return TransientError(_("The platform had a temporary problem."), detail)
        if code == 506:
            return PermanentError(_("The platform rejected the post as a duplicate."), detail)
        if code in PERMISSION_CODES or code == 368:
            return self.permission_error(detail)
        return PermanentError(_("The platform rejected the post."), detail)

    def check(self) -> None:
        """Graph ``debug_token`` with the app token; a dead token raises ``TokenError``."""
        app_token = f"{conf.get('SOCIAL_FACEBOOK_APP_ID')}|{conf.get('SOCIAL_FACEBOOK_APP_SECRET')}"
        response = self.call(
            "GET",
            self.url("debug_token"),
            params={"input_token": self.channel.access_token},
            headers={"Authorization": f"Bearer {app_token}"},
        )
        data = (response.json() or {}).get("data") or {}
        if not data.get("is_valid"):
            error = data.get("error") or {}
            raise self.token_error(f"debug_token: {error.get('code')} {error.get('message', '')}")
