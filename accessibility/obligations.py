"""What the accessibility app tells the others about a page's audio and braille versions.

* ``social_publish_versions`` (registered in ``wagtail_hooks``): the live page's current
  versions, so the link report can wait for them and list them.
* ``sop_publication_notices``: whether the versions will be made once the page goes live.
* ``accessibility_version_saved``: this app calls ``func(page_id=)`` after a version is
  committed (``social_publish`` then sends a report that was waiting for it).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail import hooks

from accessibility.signal_handlers import versioned_models

VERSION_SAVED_HOOK = "accessibility_version_saved"


def gets_versions(page) -> bool:
    return page._meta.label_lower in versioned_models()


def absolute(page, url: str) -> str:
    if url.startswith(("http://", "https://")):
        return url
    site = page.get_site()
    return f"{site.root_url}{url}" if site else url


def version_links(page) -> dict[str, str] | None:
    """``{"audio": url, "braille": url}`` of the live text's versions (empty: not made yet)."""
    from accessibility.templatetags.accessibility_tags import current_versions

    page = page.specific
    if not gets_versions(page):
        return None
    versions = current_versions(page)
    return {
        kind: absolute(page, version.file.url) if version is not None else ""
        for kind, version in versions.items()
    }


def version_notices(page) -> list[str]:
    """Whether the audio and braille versions will be made when ``page`` goes live."""
    from accessibility.tasks import speech_backend

    if not gets_versions(page):
        return [_("This page type gets no audio or braille version.")]
    if not speech_backend().available():
        return [
            _(
                "The audio version cannot be made: the server's speech engine is missing "
                "(Debian packages espeak-ng and lame). Ask the platform operator to install it."
            )
        ]
    return [
        _(
            "The audio and braille versions will be made automatically when the page goes "
            "live (usually within a few minutes)."
        )
    ]


def announce_version_saved(page_id: int) -> None:
    """After the commit, tell the hooks that a version of ``page_id`` exists."""

    def announce() -> None:
        for hook in hooks.get_hooks(VERSION_SAVED_HOOK):
            hook(page_id=page_id)

    transaction.on_commit(announce)
