"""Is an alt text real? Rules shared by the publish gate, the SOP check and the editor.

Wagtail only asks that alt text is not empty. Editors in a hurry satisfy that with the
camera's file name, "foto" or "-", which tells a blind reader nothing; those count as missing.
"""

from __future__ import annotations

import re
from enum import Enum

from accessibility import conf

IMAGE_EXTENSIONS = r"jpe?g|png|gif|webp|heic|heif|tiff?|bmp|svg|avif"
# "IMG_2024.jpg", "foto kegiatan.png", "DSC01234", "WhatsApp Image 2024-03-01 at 09.12.33",
# "PXL_20240301_091233", "Screenshot 2024-03-01", "20240301_091233".
_FILE_NAME = re.compile(
    rf"""^(
        [^\s/\\]+(\s+[^\s/\\]+){{0,4}}\.({IMAGE_EXTENSIONS})
        | (img|dsc|dscn|dcim|pxl|mvimg|p|gopr|dji|sam|cimg|screenshot|whatsapp\s+image)
          [\s_-]*[\d_\s.:-]{{3,}}.*
        | [\d_\s.:-]{{6,}}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Words that name the medium instead of describing it; a number after them changes nothing.
PLACEHOLDERS = frozenset(
    {
        "gambar",
        "foto",
        "image",
        "photo",
        "picture",
        "pic",
        "img",
        "alt",
        "alt text",
        "teks alternatif",
        "ilustrasi",
        "illustration",
        "untitled",
        "tanpa judul",
        "tidak ada",
        "kosong",
        "none",
        "null",
        "-",
        "gambar kegiatan",
        "foto kegiatan",
        "dokumentasi",
        "logo",
        "banner",
        "thumbnail",
        "grafis",
    }
)


class AltTextFault(Enum):
    """Why an alt text does not count."""

    MISSING = "missing"
    FILE_NAME = "file_name"
    PLACEHOLDER = "placeholder"
    TOO_SHORT = "too_short"


def min_length() -> int:
    """The shortest alt text accepted (setting ``ACCESSIBILITY_MIN_ALT_LENGTH``)."""
    return int(conf.get("ACCESSIBILITY_MIN_ALT_LENGTH"))


def alt_text_fault(text: str | None) -> AltTextFault | None:
    """What is wrong with ``text`` as alt text, or ``None`` when it describes something.

    Args:
        text: The alt text as the editor wrote it.

    Returns:
        ``None`` for an acceptable alt text, otherwise the reason it counts as missing.
    """
    text = " ".join((text or "").split())
    if not text:
        return AltTextFault.MISSING
    if _FILE_NAME.match(text):
        return AltTextFault.FILE_NAME
    words = re.sub(r"[\W_]+", " ", text.lower()).strip()
    if text in PLACEHOLDERS or re.sub(r"(\s*\d+)+$", "", words) in PLACEHOLDERS:
        return AltTextFault.PLACEHOLDER
    if len(text) < min_length() or not re.search(r"[^\W\d_]{2}", text):
        return AltTextFault.TOO_SHORT
    return None
