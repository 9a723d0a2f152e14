"""Institutions provisioned the real way, their users, media and news; a Host-bound client.

Plain helpers, imported normally; the fixtures built on them live in
:mod:`tests.fixtures.institutions`.
"""

from __future__ import annotations

import io
import itertools
from datetime import date

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from home.models import InstitutionRole, InstitutionSettings, NewsIndexPage, NewsPage

_counter = itertools.count(1)


def unique_number() -> int:
    """A number no other call in this test session got (for unique names and slugs)."""
    return next(_counter)


def png_bytes(width: int = 640, height: int = 360, colour=(30, 90, 140)) -> bytes:
    """A plain-coloured PNG image of the given size."""
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


def host_client(client, hostname: str):
    """A test client whose requests carry the institution's Host header."""
    client.defaults["HTTP_HOST"] = hostname
    return client
