"""What a page becomes for the platforms: Instagram gets a JPEG in an aspect ratio it accepts."""

from __future__ import annotations

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from social_publish.posts import IG_MAX_RATIO, IG_MIN_RATIO, build_post
from tests.institutions import png_bytes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("width", "height"),
    [(1080, 1920), (401, 1003), (2000, 500), (777, 401), (1200, 900), (640, 640)],
    ids=["phone-portrait", "small-portrait", "panorama", "small-panorama", "landscape", "square"],
)
def test_the_share_image_becomes_a_jpeg_instagram_accepts(bantul, width, height):
    image = get_image_model()(
        title="Foto kegiatan", description="Warga bekerja bakti", collection=bantul.collection
    )
    image.file = ImageFile(io.BytesIO(png_bytes(width, height)), name="kegiatan.png")
    image.save()
    page = bantul.news(share_image=image, share_image_alt="Warga bekerja bakti")

    media = build_post(page).image
    sent = PILImage.open(io.BytesIO(media.read()))

    assert media.content_type == "image/jpeg"
    assert sent.format == "JPEG"
    assert IG_MIN_RATIO <= sent.width / sent.height <= IG_MAX_RATIO
    assert media.public_url.startswith("http://bantul.localhost")
    assert media.public_url.endswith(".jpg")
