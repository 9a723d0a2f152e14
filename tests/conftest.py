"""Shared fixtures: institutions provisioned the real way, their users, media and news."""

from __future__ import annotations

import io
import itertools
import shutil
from collections.abc import Callable
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from home.models import InstitutionRole, InstitutionSettings, NewsIndexPage, NewsPage
from home.provisioning import InstitutionSpec, provision_institution

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    """Uploaded files of a test go to its own folder and disappear with it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Each test starts with empty caches: the database is rolled back, cached site roots
    and image renditions must not outlive it (primary keys repeat between tests)."""
    for cache in caches.all():
        cache.clear()


def png_bytes(width: int = 640, height: int = 360, colour=(30, 90, 140)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


class Institution:
    """A provisioned institution with helpers to act as its members."""

    def __init__(self, site):
        self.site = site
        self.home = site.root_page.specific
        self.settings = InstitutionSettings.objects.get(site=site)
        self.collection = self.settings.collection
        self.news_index = NewsIndexPage.objects.child_of(self.home).get()

    @property
    def hostname(self) -> str:
        return self.site.hostname

    def user(self, role_key: str = "penulis", username: str | None = None):
        role = InstitutionRole.objects.get(site=self.site, key=role_key)
        username = username or f"{self.hostname.split('.')[0]}-{role_key}-{next(_counter)}"
        user = get_user_model().objects.create_user(
            username=username, email=f"{username}@example.go.id", password="rahasia-uji-123"
        )
        user.groups.add(role.group)
        return user

    def image(self, title: str = "Foto kegiatan", description: str = "Warga bekerja bakti"):
        image = get_image_model()(title=title, description=description, collection=self.collection)
        image.file = ImageFile(io.BytesIO(png_bytes()), name=f"kegiatan-{next(_counter)}.png")
        image.save()
        return image

    def news(self, title: str | None = None, *, publish: bool = True, **fields) -> NewsPage:
        number = next(_counter)
        fields.setdefault("live", publish)  # an unpublished draft is not live
        page = NewsPage(
            title=title or f"Berita {self.hostname} nomor {number}",
            slug=f"berita-{number}",
            lead=fields.pop("lead", "Ringkasan berita untuk pembaca."),
            date=fields.pop("date", date(2025, 3, 1)),
            **fields,
        )
        self.news_index.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page


def ensure_wagtail_roots() -> None:
    """Recreate what Wagtail's data migrations create, after a transactional test's flush."""
    locale, _ = Locale.objects.get_or_create(language_code="id")
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")


@pytest.fixture
def make_institution(db) -> Callable[..., Institution]:
    ensure_wagtail_roots()

    def make(key: str | None = None, **overrides) -> Institution:
        key = key or f"inst{next(_counter)}"
        spec = InstitutionSpec(
            name=overrides.pop("name", f"Kalurahan {key.title()}"),
            hostname=overrides.pop("hostname", f"{key}.localhost"),
            institution_type=overrides.pop("institution_type", "kalurahan"),
            **overrides,
        )
        return Institution(provision_institution(spec).site)

    return make


@pytest.fixture
def bantul(make_institution) -> Institution:
    return make_institution("bantul", name="Kapanewon Bantul", institution_type="kapanewon")


@pytest.fixture
def bunder(make_institution) -> Institution:
    return make_institution("bunder", name="Kalurahan Bunder")


def host_client(client, hostname: str):
    """A test client whose requests carry the institution's Host header."""
    client.defaults["HTTP_HOST"] = hostname
    return client


def pytest_sessionfinish(session, exitstatus):
    """On CI a skipped test is a failure: a missing tool must never pass silently."""
    import os

    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI") == "true" and skipped and exitstatus == 0:
        reporter.write_line(f"CI=true: {len(skipped)} skipped test(s) count as failures.", red=True)
        session.exitstatus = 1
