"""One per-process copy of the site list, current in every process at once.

Wagtail finds a request's site with a query over every site (``get_site_for_hostname``) and
keeps the site root paths, from which every page URL is built, in Django's cache: per process
with the local-memory cache, so an institution created, renamed or re-hosted while the servers
ran stayed unknown to the other processes (its home page linked its news as ``href="None"``)
until they restarted. Here:

* every change to the site list — a ``Site`` saved or deleted, a site's root page renamed or
  moved (both reach Wagtail's ``Site.clear_site_root_paths_cache``), an institution's profile
  or its logo saved — gives :class:`~home.models.SiteListVersion` a new stamp, in the same
  transaction (:func:`site_list_changed`);
* each process remembers, for one stamp, the sites it has resolved (hostname and port → site,
  its root page in its specific class, institution profile and logo) and the root paths; a
  root page saved (a home page published) reaches ``clear_site_root_paths_cache`` too;
* each request reads the stamp once (one primary-key read, :func:`begin_request`); when it
  moved, the process starts afresh.

A request so costs one small query instead of three: the site lookup, the home page's
specific row and the profile's. Objects handed
out are built anew from stored field values for every caller: nothing is shared between
requests. Installed over Wagtail's functions by :mod:`home.wagtail_patches` (patch 8).
"""

from __future__ import annotations

import copy
import secrets
import threading
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connections, router
from django.db.models import Model
from wagtail.fields import StreamField

# A process keeps at most this many hostname:port answers per stamp (Host headers are the
# client's to choose: a default site answers any of them).
MAX_REMEMBERED_HOSTS = 20_000

_request_stamp: ContextVar[int | None] = ContextVar("site_list_stamp", default=None)
_NOTHING = object()


@dataclass(frozen=True)
class _Row:
    """An instance as its model and field values, as the database gave them; rebuilt anew for
    each caller (values that are lists or dicts, e.g. a StreamField's, are copied)."""

    model: type[Model]
    using: str
    values: tuple
    mutable: bool

    @classmethod
    def of(cls, instance: Model) -> _Row:
        values = []
        for f in instance._meta.concrete_fields:
            value = getattr(instance, f.attname)
            if isinstance(f, StreamField):
                value = f.get_prep_value(value)
            values.append(value)
        return cls(
            model=type(instance),
            using=instance._state.db or "default",
            values=tuple(values),
            mutable=any(isinstance(value, list | dict) for value in values),
        )

    def build(self) -> Model:
        values = copy.deepcopy(self.values) if self.mutable else self.values
        names = [f.attname for f in self.model._meta.concrete_fields]
        return self.model.from_db(self.using, names, values)


@dataclass(frozen=True)
class _Site:
    """What a site lookup returned: the site and its root page, in its specific class (what
    Wagtail's ``serve`` routes through: ``site.root_page.localized.specific``)."""

    site: _Row
    root_page: _Row | None

    def build(self):
        site = self.site.build()
        if self.root_page is not None:
            site.root_page = self.root_page.build()
        return site


@dataclass(frozen=True)
class _Institution:
    profile: _Row
    logo: _Row | None

    def build(self, site):
        profile = self.profile.build()
        profile.site = site
        if self.logo is not None:
            profile.logo = self.logo.build()
        return profile


@dataclass
class _Snapshot:
    stamp: int
    sites: dict[tuple[str, int], _Site] = field(default_factory=dict)
    institutions: dict[int, object] = field(default_factory=dict)
    root_paths: list | None = None


_snapshot = _Snapshot(stamp=-1)
_lock = threading.Lock()


def _table() -> tuple[str, str]:
    from home.models import SiteListVersion

    using = router.db_for_read(SiteListVersion)
    quote = connections[using].ops.quote_name
    return using, (
        f"SELECT {quote('stamp')} FROM {quote(SiteListVersion._meta.db_table)} "
        f"WHERE {quote('id')} = 1"
    )


def stored_stamp() -> int:
    """The stamp in the database now (0 when the row is missing, e.g. after a flush)."""
    using, sql = _table()
    with connections[using].cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    return row[0] if row else 0


def _current() -> _Snapshot:
    global _snapshot
    stamp = _request_stamp.get()
    if stamp is None:
        stamp = stored_stamp()
    snapshot = _snapshot
    if snapshot.stamp != stamp:
        with _lock:
            if _snapshot.stamp != stamp:
                _forget_wagtail_cache()
                _snapshot = _Snapshot(stamp=stamp)
            snapshot = _snapshot
    return snapshot


def begin_request():
    """Read the stamp once for this request; returns the token for :func:`end_request`."""
    return _request_stamp.set(stored_stamp())


def end_request(token) -> None:
    _request_stamp.reset(token)


_table_exists = False


def _ready(using: str) -> bool:
    """Whether the stamp's table exists (not yet while the first migrations run)."""
    global _table_exists
    if not _table_exists:
        from home.models import SiteListVersion

        _table_exists = (
            SiteListVersion._meta.db_table in connections[using].introspection.table_names()
        )
    return _table_exists


def site_list_changed(**kwargs) -> None:
    """Give the site list a new stamp, in the current transaction (a signal receiver too)."""
    from home.models import SiteListVersion

    if not _ready(router.db_for_write(SiteListVersion)):
        return
    stamp = secrets.randbits(62) + 1
    if not SiteListVersion.objects.filter(pk=1).update(stamp=stamp):
        SiteListVersion.objects.update_or_create(pk=1, defaults={"stamp": stamp})
    _request_stamp.set(None)  # this request must see its own change


def logo_changed(sender, instance, **kwargs) -> None:
    """An image saved: a new stamp only if it is some institution's logo."""
    from home.models import InstitutionSettings

    if InstitutionSettings.objects.filter(logo_id=instance.pk).exists():
        site_list_changed()


# -- what the patches call ------------------------------------------------------------------


def site_for_hostname(lookup: Callable, hostname: str, port: int):
    """Wagtail's ``get_site_for_hostname`` (``lookup``), answered from this process's copy."""
    snapshot = _current()
    known = snapshot.sites.get((hostname, port))
    if known is None:
        site = lookup(hostname, port)  # raises Site.DoesNotExist: not remembered
        root = site.root_page.specific if site.root_page_id else None
        known = _Site(site=_Row.of(site), root_page=_Row.of(root) if root is not None else None)
        if len(snapshot.sites) >= MAX_REMEMBERED_HOSTS:
            snapshot.sites.clear()
        snapshot.sites[(hostname, port)] = known
    return known.build()


def institution_of(site):
    """The :class:`~home.models.InstitutionSettings` of ``site`` (with its logo), or ``None``."""
    from home.models import InstitutionSettings

    if site is None:
        return None
    snapshot = _current()
    known = snapshot.institutions.get(site.pk)
    if known is None:
        profile = InstitutionSettings.objects.select_related("logo").filter(site=site).first()
        if profile is None:
            known = _NOTHING
        else:
            known = _Institution(
                profile=_Row.of(profile), logo=_Row.of(profile.logo) if profile.logo_id else None
            )
        snapshot.institutions[site.pk] = known
    if known is _NOTHING:
        return None
    return known.build(site)


def site_root_paths(compute: Callable) -> list:
    """Wagtail's ``Site.get_site_root_paths`` (``compute``), once per stamp in this process.

    Without translations the list is read as plain values (:func:`_root_paths_as_values`):
    Wagtail builds a ``Site``, a ``Page`` and a ``Locale`` per site, about a second for
    10,000 institutions each time the site list changes.
    """
    snapshot = _current()
    if snapshot.root_paths is None:
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            snapshot.root_paths = list(compute())
        else:
            snapshot.root_paths = _root_paths_as_values()
    return list(snapshot.root_paths)


def _root_paths_as_values() -> list:
    """The root paths as Wagtail's ``get_site_root_paths`` gives them (same order, same
    ``root_url``), from one query of values."""
    from wagtail.models import Site
    from wagtail.models.sites import SiteRootPath

    rows = Site.objects.order_by("-root_page__url_path", "-is_default_site", "hostname")
    return [
        SiteRootPath(site_id, url_path, _root_url(hostname, port), language)
        for site_id, hostname, port, url_path, language in rows.values_list(
            "id", "hostname", "port", "root_page__url_path", "root_page__locale__language_code"
        )
    ]


def _root_url(hostname: str, port: int) -> str:
    """``Site.root_url``, from the values."""
    if port == 80:
        return f"http://{hostname}"
    if port == 443:
        return f"https://{hostname}"
    return f"http://{hostname}:{port}"


_forget: Callable[[], None] | None = None


def _forget_wagtail_cache() -> None:
    """Drop Wagtail's cached root paths (``Site.clear_site_root_paths_cache`` as Wagtail wrote
    it): with the local-memory cache this process's copy may be of an older stamp."""
    if _forget is not None:
        _forget()


def remember_wagtail_clear(original: Callable[[], None]) -> None:
    global _forget
    _forget = original
