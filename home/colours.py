"""Brand colours must keep white text readable (WCAG 2.2 AA: contrast of at least 4.5:1)."""

import base64
import hashlib
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MIN_CONTRAST = 4.5


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.03928 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_with_white(colour: str) -> float:
    return 1.05 / (relative_luminance(colour) + 0.05)


def validate_brand_colour(colour: str) -> None:
    if not HEX_COLOUR.match(colour or ""):
        raise ValidationError(_("Write the colour as #RRGGBB, for example #0B5A8A."))
    ratio = contrast_with_white(colour)
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            _(
                "White text on %(colour)s has a contrast of only %(ratio).1f:1; choose a darker "
                "colour (at least 4.5:1) so that low-vision readers can read the header."
            ),
            params={"colour": colour, "ratio": ratio},
        )


def brand_style(colour: str) -> str:
    """The inline stylesheet that gives a page the institution's colour (``base.html``)."""
    return f":root {{ --brand: {colour}; }}"


def style_source_hash(text: str) -> str:
    """The CSP source (``'sha256-…'``) that allows exactly this inline ``<style>`` text.

    A hash, not a per-request nonce: the page stays byte-identical between requests, so its
    ETag, 304s and the proxy cache keep working.
    """
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    return f"'sha256-{digest}'"
