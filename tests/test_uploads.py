"""Bad uploads are refused with a clear Indonesian message and leave nothing behind."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.institutions import png_bytes

pytestmark = pytest.mark.django_db


def upload(client, inst, name, content, content_type="image/png"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Foto kegiatan",
            "description": "Warga bekerja bakti",
            "collection": inst.collection.pk,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_corrupt_image_is_refused_in_indonesian_and_nothing_is_saved(client, bantul, settings):
    client.force_login(bantul.user())

    response = upload(client, bantul, "rusak.png", b"\x89PNG\r\n\x1a\n ini bukan gambar")

    assert response.status_code == 200
    html = response.content.decode()
    assert "bukan merupakan berkas gambar atau gambarnya rusak" in html
    assert get_image_model().objects.count() == 0
    assert stored_files(settings) == []


def noise_png(width: int, height: int) -> bytes:
    """A PNG that does not compress: larger than the 10 MB upload limit at 2000 × 2000."""
    buffer = io.BytesIO()
    PILImage.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(buffer, "PNG")
    return buffer.getvalue()


def test_oversized_image_is_refused_with_the_limit_named(client, bantul, settings):
    client.force_login(bantul.user())
    content = noise_png(2000, 2000)
    assert len(content) > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE

    response = upload(client, bantul, "besar.png", content)

    html = response.content.decode()
    assert "terlalu besar" in html
    assert get_image_model().objects.count() == 0
    assert stored_files(settings) == []


def test_valid_image_lands_in_the_institution_collection(client, bantul):
    client.force_login(bantul.user())

    upload(client, bantul, "kerja-bakti.png", png_bytes())

    image = get_image_model().objects.get()
    assert image.collection == bantul.collection
    assert image.default_alt_text == "Warga bekerja bakti"


def test_upload_into_another_institutions_collection_is_refused(client, bantul, bunder):
    client.force_login(bantul.user())

    upload(client, bunder, "kerja-bakti.png", png_bytes())

    assert not get_image_model().objects.filter(collection=bunder.collection).exists()


def test_file_name_is_never_used_as_alt_text(bantul):
    image = bantul.image(title="IMG_2024", description="")

    assert image.default_alt_text == ""
