"""CKAN (Portal Satu Data): create or update a dataset with a deterministic name.

The dataset name is the idempotency key, so publishing again updates instead of duplicating;
resources are matched by name, so a retried upload does not add a second copy. Some regional
"Satu Data" portals are not CKAN: they get their own adapter behind the same interface.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from social_publish.outbound import RefusedURL, check_url

from .base import Checkpoint, Post, Provider, Result
from .errors import PermanentError, ProviderError


class PortalRefused(PermanentError):
    """A failure whose message is our own text, never the portal's (safe to show in a form)."""


class CkanProvider(Provider):
    kind = "ckan"
    #: Publishing is an upsert by dataset name: no reconciliation needed before a retry.
    idempotent = True

    def applies_to(self, post: Post) -> bool:
        return bool(post.documents)

    def compose(self, post: Post) -> str:
        return "\n\n".join(p for p in (post.lead, post.url) if p)

    def call(self, method: str, url: str, *, write: bool = False, **kwargs):
        """A request to the user-typed portal address: public hosts only, no redirects."""
        try:
            check_url(url)
        except RefusedURL as refused:
            raise PortalRefused(str(refused), "outbound address refused") from None
        kwargs.setdefault("allow_redirects", False)
        return super().call(method, url, write=write, **kwargs)

    def action(self, name: str, *, data=None, files=None, write=False) -> Any:
        url = f"{self.channel.base_url.rstrip('/')}/api/3/action/{name}"
        headers = {"Authorization": self.channel.access_token}
        if files:
            response = self.call("POST", url, data=data, files=files, headers=headers, write=write)
        elif data is not None:
            response = self.call("POST", url, json=data, headers=headers, write=write)
        else:
            response = self.call("GET", url, headers=headers)
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.ok and body.get("success"):
            return body.get("result")
        raise self.classify(response.status_code, body.get("error") or {})

    def classify(self, status: int, error: dict[str, Any]) -> ProviderError:
        kind = error.get("__type", "")
        detail = f"HTTP {status} {kind}: {error}"[:300]
        if kind == "Authorization Error":
            if "token" in str(error.get("message", "")).lower():
                return self.token_error(detail)
            return self.permission_error(detail)
        if kind == "Not Found Error":
            return PermanentError(_("The portal does not know this dataset."), detail)
        return PermanentError(
            _("The portal rejected the dataset: %(error)s")
            % {"error": "; ".join(f"{k}: {v}" for k, v in error.items() if k != "__type")},
            detail,
        )

    def show(self, name: str) -> dict[str, Any] | None:
        url = f"{self.channel.base_url.rstrip('/')}/api/3/action/package_show"
        response = self.call(
            "GET", url, params={"id": name}, headers={"Authorization": self.channel.access_token}
        )
        if response.status_code == 404:
            return None
        body = response.json()
        if not body.get("success"):
            raise self.classify(response.status_code, body.get("error") or {})
        return body["result"]

    def publish(self, post: Post, checkpoint: dict[str, Any], save: Checkpoint) -> Result:
        fields = {
            "name": post.dataset_name,
            "title": post.title,
            "notes": post.message,
            "url": post.url,
            "owner_org": self.channel.account_id,
            "tags": [{"name": t} for t in post.tags],
        }
        existing = self.show(post.dataset_name)
        if existing is None:
            dataset = self.action("package_create", data=fields, write=True)
        else:
            dataset = self.action("package_patch", data={"id": existing["id"], **fields})
        save({**checkpoint, "dataset_id": dataset["id"]})
        have = {r.get("name") for r in dataset.get("resources") or []}
        for document in post.documents:
            if document.filename in have:
                continue
            self.action(
                "resource_create",
                data={"package_id": dataset["id"], "name": document.filename},
                files={"upload": (document.filename, document.read(), document.content_type)},
                write=True,
            )
        return Result(post.dataset_name, self.permalink(post.dataset_name))

    def permalink(self, external_id: str) -> str:
        return f"{self.channel.base_url.rstrip('/')}/dataset/{external_id}"

    def find_existing(self, post: Post) -> Result | None:
        dataset = self.show(post.dataset_name)
        if dataset is None:
            return None
        names = {r.get("name") for r in dataset.get("resources") or []}
        if any(d.filename not in names for d in post.documents):
            return None  # incomplete: publishing again completes it (upsert)
        return Result(post.dataset_name, self.permalink(post.dataset_name))

    def check(self) -> None:
        url = f"{self.channel.base_url.rstrip('/')}/api/3/action/organization_list_for_user"
        response = self.call(
            "GET",
            url,
            params={"permission": "create_dataset"},
            headers={"Authorization": self.channel.access_token},
        )
        try:
            body = response.json()
            organisations = body["result"] if body.get("success") else None
        except (ValueError, KeyError, TypeError, AttributeError):
            raise PortalRefused(
                _("The address does not answer like a CKAN portal."), f"HTTP {response.status_code}"
            ) from None
        if organisations is None:
            raise self.classify(response.status_code, body.get("error") or {})
        names = {o.get(k) for o in organisations if isinstance(o, dict) for k in ("id", "name")}
        if self.channel.account_id not in names:
            raise self.permission_error("the token may not add datasets to this organisation")
