"""Admin integration: SOP requirement checks, the report, the language advice and accessibility
status buttons."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from accessibility import urls
from accessibility.checks import problem_messages
from accessibility.language import language_problems
from accessibility.obligations import version_links, version_notices
from accessibility.publishing import publication_problems
from accessibility.spoken import carries_media
from accessibility.status import page_status
from home.tenancy import sites_for_user


def alt_text_requirement(page, context=None) -> list[str]:
    """The SOP ``alt_text`` check: the same list the publish gate shows the author."""
    return problem_messages(page)


def indonesian_language_requirement(page, context=None) -> list[str]:
    """The SOP ``indonesian_language`` check: misspellings and sentences over 25 words."""
    return language_problems(page)


@hooks.register("sop_requirement_checks")
def accessibility_requirement_checks() -> dict:
    """Replace the SOP workflow's basic ``alt_text`` check and supply ``indonesian_language``."""
    return {
        "alt_text": alt_text_requirement,
        "indonesian_language": indonesian_language_requirement,
    }


@hooks.register("sop_publication_problems")
def refuse_publication_without_alternatives(task, task_state) -> list[str]:
    """Tell the approver why the final SOP approval cannot publish (the modal shows it)."""
    if "alt_text" in getattr(task, "checks", ()):
        return []  # the task's own alt_text requirement already lists the same problems
    return publication_problems(task_state)


@hooks.register("social_publish_versions")
def current_version_links(page):
    """The live page's audio and braille links for the link report (``None``: no versions)."""
    return version_links(page)


@hooks.register("sop_publication_notices")
def versions_to_be_made(task, task_state) -> list[str]:
    """Tell the publication step's approver whether the audio and braille versions will be made."""
    page = task_state.workflow_state.content_object.specific
    return version_notices(page)


@hooks.register("register_admin_urls")
def register_admin_urls():
    patterns = (urls.urlpatterns, "accessibility")
    return [path("accessibility/", include(patterns, namespace="accessibility"))]


class AccessibilityReportMenuItem(MenuItem):
    def is_shown(self, request):
        return sites_for_user(request.user).exists()


@hooks.register("register_reports_menu_item")
def register_accessibility_report_menu_item():
    return AccessibilityReportMenuItem(
        _("Accessibility"), reverse("accessibility:report"), icon_name="view", order=920
    )


@hooks.register("register_page_header_buttons")
def language_advice_button(page, user, view_name=None, next_url=None):
    """ "Language advice" in the page header's menu of pages with text."""
    if page.pk and carries_media(page.specific_class or type(page)):
        yield Button(
            _("Language advice"),
            reverse("accessibility:language", args=[page.pk]),
            icon_name="doc-full",
            priority=60,
        )


@hooks.register("register_page_header_buttons")
def accessibility_status_button(page, user, view_name=None, next_url=None):
    """The live page's accessibility status in the header's menu, linking to the report."""
    if not (page.pk and page.live and carries_media(page.specific_class or type(page))):
        return
    status = page_status(page)
    missing = [
        label
        for flag, label in (
            (status.alt_text_ok, _("alt text")),
            (status.captions_ok, _("captions")),
            (status.audio_ready, _("audio")),
            (status.braille_ready, _("braille")),
        )
        if flag is False
    ]
    if missing:
        label = _("Accessibility: missing %(items)s") % {"items": ", ".join(map(str, missing))}
    else:
        label = _("Accessibility: complete")
    yield Button(label, reverse("accessibility:report"), icon_name="view", priority=61)
