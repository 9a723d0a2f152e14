"""Accessibility status of a page: alt text, captions, audio and braille versions.

The per-institution report and the language page of the admin call :func:`page_status`; the
rules are those of the publish gate (:func:`accessibility.checks.missing_alternatives`) and of
the public article (:func:`accessibility.templatetags.accessibility_tags.current_versions`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from accessibility.checks import missing_alternatives
from accessibility.signal_handlers import versioned_models
from home.tenancy import institution_root_path

__all__ = ["PageStatus", "live_pages", "page_status"]


@dataclass(frozen=True)
class PageStatus:
    """One live page; ``audio_ready``/``braille_ready`` are ``None`` where no version is made."""

    page: Page
    institution: str
    alt_text_ok: bool
    captions_ok: bool
    audio_ready: bool | None
    braille_ready: bool | None
    problems: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        flags = (self.alt_text_ok, self.captions_ok, self.audio_ready, self.braille_ready)
        return all(flag is not False for flag in flags)

    @property
    def title(self) -> str:
        return self.page.get_admin_display_title()

    @property
    def page_type(self) -> str:
        return str(self.page.specific_class._meta.verbose_name)

    def text(self, name: str) -> str:
        """``yes``/``no``/``—`` of a flag, for the table and the CSV export."""
        value = getattr(self, name)
        return "—" if value is None else (_("yes") if value else _("no"))


def live_pages(sites: QuerySet[Site]) -> QuerySet[Page]:
    """Live pages below the roots of ``sites`` (the roots included), in tree order."""
    query = Page.objects.none()
    for path in sites.values_list("root_page__path", flat=True):
        query = query | Page.objects.filter(path__startswith=path)
    return query.live().order_by("path")


def page_status(page: Page, institutions: dict[str, str] | None = None) -> PageStatus:
    """The status of ``page`` (its live content) for the report."""
    from accessibility.templatetags.accessibility_tags import current_versions

    specific = page.specific
    problems = missing_alternatives(specific)
    versioned = specific._meta.label_lower in versioned_models()
    versions = current_versions(specific) if versioned else {}
    name = (institutions or {}).get(institution_root_path(page), "")
    return PageStatus(
        page=specific,
        institution=name,
        alt_text_ok=not any(p.kind != "video" for p in problems),
        captions_ok=not any(p.kind == "video" for p in problems),
        audio_ready=versions.get("audio") is not None if versioned else None,
        braille_ready=versions.get("braille") is not None if versioned else None,
        problems=tuple(p.message for p in problems),
    )
