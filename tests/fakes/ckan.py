"""Fake CKAN Action API (``/api/3/action/<name>``) as used by Portal Satu Data.

API token in ``Authorization: <token>`` (or ``X-CKAN-API-Key``). Answers use CKAN's envelope
``{"help", "success", "result"}`` / ``{"help", "success": false, "error": {"__type", ...}}``
with 409 for validation errors, 403 for authorization errors and 404 for missing objects, so
``ckanapi`` raises ``ValidationError``, ``NotAuthorized`` and ``NotFound`` as against CKAN.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from .base import ApiError, FakeServer, Request, Response, Token, UploadedFile, json_response

NAME_RE = re.compile(r"^[a-z0-9_-]{2,100}$")
READ_ACTIONS = {
    "package_show",
    "resource_show",
    "organization_show",
    "organization_list_for_user",
    "status_show",
    "package_search",
}


class CkanError(ApiError):
    """A CKAN action failure with its HTTP status and ``error`` dict."""

    def __init__(self, status: int, error: dict[str, Any]) -> None:
        super().__init__(Response(status, {"success": False, "error": error}))


def validation_error(**fields: list[str]) -> CkanError:
    return CkanError(409, {"__type": "Validation Error", **fields})


def not_found(what: str = "Not found") -> CkanError:
    return CkanError(404, {"__type": "Not Found Error", "message": what})


def not_authorized(message: str) -> CkanError:
    return CkanError(403, {"__type": "Authorization Error", "message": message})


class FakeCkan(FakeServer):
    """CKAN 2.10 action API subset: datasets, resources (with uploads), organizations.

    Seeded with one API token (``api_token``) belonging to user ``username``, editor of the
    organization ``org_name``. ``posts`` (alias ``packages``) holds the live dataset dicts;
    ``uploads`` maps resource id → uploaded bytes.
    """

    name = "ckan"

    def __init__(
        self,
        *,
        api_token: str = "fake-ckan-api-token",
        username: str = "satudata-bot",
        org_name: str = "diskominfo-kota-contoh",
        org_title: str = "Dinas Komunikasi dan Informatika Kota Contoh",
    ) -> None:
        super().__init__()
        self.username = username
        self.user_id = str(uuid.uuid4())
        self.api_token = api_token
        self.tokens[api_token] = Token(api_token, "api", subject=username)
        self.organizations: dict[str, dict[str, Any]] = {}
        self.memberships: dict[str, str] = {}  # org id → capacity of the token's user
        self.uploads: dict[str, bytes] = {}
        self.org = self.add_organization(org_name, org_title)

        self.route("GET,POST", r"/api(?:/3)?/action/(?P<action>\w+)", self._action)
        self.route(
            "GET",
            r"/dataset/(?P<pkg_id>[\w-]+)/resource/(?P<res_id>[\w-]+)/download/(?P<fname>[^/]+)",
            self._download,
        )

    @property
    def packages(self) -> list[dict[str, Any]]:
        return self.posts

    # -- seeding and helpers -----------------------------------------------------------------

    def add_organization(
        self, name: str, title: str | None = None, *, capacity: str | None = "editor"
    ) -> dict[str, Any]:
        """Add an organization; ``capacity`` is the token user's role in it (None = none)."""
        org = {
            "id": str(uuid.uuid4()),
            "name": name,
            "title": title or name,
            "type": "organization",
            "state": "active",
            "is_organization": True,
            "approval_status": "approved",
            "description": "",
            "image_url": "",
            "created": self.iso_time()[:-1],
        }
        self.organizations[org["id"]] = org
        if capacity:
            self.memberships[org["id"]] = capacity
        return org

    def package(self, name_or_id: str) -> dict[str, Any] | None:
        """The stored dataset by name or id."""
        return next((p for p in self.posts if name_or_id in (p["id"], p["name"])), None)

    def default_error(self, status: int) -> Any:
        return {
            "success": False,
            "error": {"__type": "Internal Error", "message": f"HTTP {status}"},
        }

    def not_found(self, req: Request) -> Response:
        return not_found().response

    def _org(self, name_or_id: str | None) -> dict[str, Any] | None:
        return next(
            (o for o in self.organizations.values() if name_or_id in (o["id"], o["name"])), None
        )

    def _user(self, req: Request, action: str) -> str | None:
        value = req.header("X-CKAN-API-Key") or req.token
        if value is None:
            if action in READ_ACTIONS:
                return None
            raise not_authorized(f"Action {action} requires an authenticated user")
        token = self.token_info(value, "api")
        if token is None:
            raise not_authorized("Invalid API token")
        return token.subject

    def _can_edit(self, org_id: str) -> bool:
        return self.memberships.get(org_id) in {"editor", "admin"}

    # -- action dispatch ---------------------------------------------------------------------

    def _action(self, req: Request, action: str) -> Response:
        help_url = f"{self.base_url}/api/3/action/help_show?name={action}"
        try:
            handler = getattr(self, f"_do_{action}", None)
            if handler is None:
                raise CkanError(
                    400, {"__type": "Bad Request", "message": f"Action name not known: {action}"}
                )
            if req.method == "GET" and action not in READ_ACTIONS:
                raise CkanError(
                    400,
                    {
                        "__type": "Bad Request",
                        "message": "Invalid request. Please use POST method for your request",
                    },
                )
            user = self._user(req, action)
            if isinstance(req.json, dict):
                data = dict(req.json)
            elif req.method == "POST":
                data = dict(req.form)
            else:
                data = dict(req.query)
            result = handler(data, user, req)
        except CkanError as error:
            body = dict(error.response.body)  # type: ignore[arg-type]
            return json_response({"help": help_url, **body}, error.response.status)
        return json_response({"help": help_url, "success": True, "result": result})

    # -- datasets ----------------------------------------------------------------------------

    def _check_name(self, name: Any, *, current_id: str | None = None) -> None:
        if not name:
            raise validation_error(name=["Missing value"])
        if not isinstance(name, str) or not NAME_RE.match(name):
            raise validation_error(
                name=[
                    "Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_"
                ]
            )
        existing = self.package(name)
        if existing is not None and existing["id"] != current_id:
            raise validation_error(name=["That URL is already in use."])

    def _owner(self, data: dict[str, Any], user: str | None) -> dict[str, Any]:
        if not data.get("owner_org"):
            raise validation_error(owner_org=["Missing value"])
        org = self._org(data["owner_org"])
        if org is None:
            raise validation_error(owner_org=["Organization does not exist"])
        if user is None or not self._can_edit(org["id"]):
            raise not_authorized(f"User {user} not authorized to add dataset to this organization")
        return org

    def _build(
        self, data: dict[str, Any], org: dict[str, Any], package_id: str, created: str
    ) -> dict[str, Any]:
        now = self.iso_time()[:-1]
        tags = data.get("tags") or []
        package: dict[str, Any] = {
            "id": package_id,
            "name": data["name"],
            "title": data.get("title") or data["name"],
            "type": data.get("type", "dataset"),
            "notes": data.get("notes", ""),
            "url": data.get("url", ""),
            "version": data.get("version", ""),
            "license_id": data.get("license_id", "notspecified"),
            "author": data.get("author", ""),
            "maintainer": data.get("maintainer", ""),
            "private": bool(data.get("private", False)),
            "state": "active",
            "owner_org": org["id"],
            "organization": dict(org),
            "tags": [
                {
                    "name": t["name"] if isinstance(t, dict) else t,
                    "display_name": t["name"] if isinstance(t, dict) else t,
                }
                for t in tags
            ],
            "extras": list(data.get("extras") or []),
            "groups": [],
            "resources": [],
            "metadata_created": created,
            "metadata_modified": now,
            "creator_user_id": self.user_id,
        }
        package["num_tags"] = len(package["tags"])
        for resource in data.get("resources") or []:
            package["resources"].append(self._resource(package, dict(resource), None))
        package["num_resources"] = len(package["resources"])
        return package

    def _do_package_create(self, data: dict[str, Any], user: str | None, req: Request):
        self._check_name(data.get("name"))
        org = self._owner(data, user)
        now = self.iso_time()[:-1]
        package = self._build(data, org, str(uuid.uuid4()), now)
        self.posts.append(package)
        return package

    def _writable(self, data: dict[str, Any], user: str | None) -> dict[str, Any]:
        package = self.package(str(data.get("id") or data.get("name_or_id") or ""))
        if package is None:
            raise not_found("Not found: Dataset was not found")
        if user is None or not self._can_edit(package["owner_org"]):
            raise not_authorized(f"User {user} not authorized to edit package {package['id']}")
        return package

    def _do_package_show(self, data: dict[str, Any], user: str | None, req: Request):
        package = self.package(str(data.get("id") or ""))
        if package is None or (package["state"] == "deleted" and user is None):
            raise not_found()
        if package["private"] and (user is None or package["owner_org"] not in self.memberships):
            raise not_authorized(f"User {user} not authorized to read package {package['id']}")
        return package

    def _do_package_patch(self, data: dict[str, Any], user: str | None, req: Request):
        package = self._writable(data, user)
        merged = {**package, **{k: v for k, v in data.items() if k != "id"}}
        return self._replace(package, merged, user, keep_resources="resources" not in data)

    def _do_package_update(self, data: dict[str, Any], user: str | None, req: Request):
        package = self._writable(data, user)
        merged = {"owner_org": package["owner_org"], **data}
        return self._replace(package, merged, user, keep_resources="resources" not in data)

    def _replace(
        self,
        package: dict[str, Any],
        data: dict[str, Any],
        user: str | None,
        *,
        keep_resources: bool,
    ) -> dict[str, Any]:
        self._check_name(data.get("name"), current_id=package["id"])
        org = self._owner(data, user)
        old_resources = package["resources"]
        data = {**data, "resources": [] if keep_resources else data.get("resources")}
        new = self._build(data, org, package["id"], package["metadata_created"])
        if keep_resources:
            new["resources"] = old_resources
            new["num_resources"] = len(old_resources)
        package.clear()
        package.update(new)
        return package

    def _do_package_delete(self, data: dict[str, Any], user: str | None, req: Request):
        package = self._writable(data, user)
        package["state"] = "deleted"
        return None

    # -- resources ---------------------------------------------------------------------------

    def _resource(
        self, package: dict[str, Any], data: dict[str, Any], upload: UploadedFile | None
    ) -> dict[str, Any]:
        resource_id = str(uuid.uuid4())
        now = self.iso_time()[:-1]
        resource: dict[str, Any] = {
            "id": resource_id,
            "package_id": package["id"],
            "name": data.get("name", ""),
            "description": data.get("description", ""),
            "format": data.get("format", ""),
            "url": data.get("url", ""),
            "url_type": None,
            "mimetype": data.get("mimetype"),
            "size": None,
            "state": "active",
            "created": now,
            "last_modified": None,
            "position": len(package["resources"]),
        }
        if upload is not None:
            filename = upload.filename or "upload"
            self.uploads[resource_id] = upload.content
            resource.update(
                url=f"{self.base_url}/dataset/{package['id']}/resource/{resource_id}"
                f"/download/{filename}",
                url_type="upload",
                size=len(upload.content),
                last_modified=now,
                mimetype=upload.content_type,
                name=resource["name"] or filename,
            )
            if not resource["format"] and "." in filename:
                resource["format"] = filename.rsplit(".", 1)[1].upper()
        return resource

    def _do_resource_create(self, data: dict[str, Any], user: str | None, req: Request):
        package = self._writable({"id": data.get("package_id")}, user)
        upload = req.files.get("upload")
        if upload is None and "url" not in data:
            raise validation_error(url=["Missing value"])
        resource = self._resource(package, data, upload)
        package["resources"].append(resource)
        package["num_resources"] = len(package["resources"])
        package["metadata_modified"] = resource["created"]
        return resource

    def _do_resource_show(self, data: dict[str, Any], user: str | None, req: Request):
        for package in self.posts:
            for resource in package["resources"]:
                if resource["id"] == data.get("id"):
                    return resource
        raise not_found("Not found: Resource was not found.")

    def _download(self, req: Request, pkg_id: str, res_id: str, fname: str) -> Response:
        if res_id not in self.uploads:
            return Response(404, "Not found")
        return Response(200, self.uploads[res_id])

    # -- organizations and site --------------------------------------------------------------

    def _do_organization_show(self, data: dict[str, Any], user: str | None, req: Request):
        org = self._org(str(data.get("id") or ""))
        if org is None:
            raise not_found()
        count = sum(1 for p in self.posts if p["owner_org"] == org["id"] and p["state"] == "active")
        return {**org, "package_count": count}

    def _do_organization_list_for_user(self, data: dict[str, Any], user: str | None, req: Request):
        if user is None:
            return []
        wanted = data.get("permission", "manage_group")
        allowed = {
            "read": {"member", "editor", "admin"},
            "create_dataset": {"editor", "admin"},
            "manage_group": {"admin"},
        }.get(wanted, {"admin"})
        return [
            {**self.organizations[oid], "capacity": cap}
            for oid, cap in self.memberships.items()
            if cap in allowed
        ]

    def _do_package_search(self, data: dict[str, Any], user: str | None, req: Request):
        query = str(data.get("q") or "")
        rows = int(data.get("rows") or 10)
        found = [
            p
            for p in reversed(self.posts)
            if p["state"] == "active"
            and not p["private"]
            and (not query or query in p["name"] or query in p["title"])
        ]
        return {"count": len(found), "results": found[:rows], "facets": {}, "search_facets": {}}

    def _do_status_show(self, data: dict[str, Any], user: str | None, req: Request):
        return {
            "ckan_version": "2.10.5",
            "site_url": self.base_url,
            "site_title": "Portal Satu Data (fake)",
            "site_description": "",
            "locale_default": "id",
            "extensions": ["datastore", "scheming_datasets"],
        }
