"""The first-week checklist on a new institution's dashboard: what is left to set up, each
item linking to where to do it, ticked from the real state; hidden once everything is done.

``home`` ticks what it owns (profile and logo, staff, first article); other apps add theirs
through the project hook ``onboarding_checklist_items`` (``site`` → list of
:class:`ChecklistItem`): ``sop_workflow`` the SOP installed and printed, ``social_publish``
the channels connected.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from home.models import InstitutionRole, InstitutionSettings, NewsIndexPage, NewsPage
from home.models.pages import subtree_q
from home.tenancy import sites_for_user

HOOK_NAME = "onboarding_checklist_items"


@dataclass(frozen=True)
class ChecklistItem:
    """One thing to set up: ``done`` read from the real state, ``url`` where to do it."""

    order: int
    label: str
    done: bool
    url: str
    hint: str = ""


def profile_item(site: Site, profile: InstitutionSettings) -> ChecklistItem:
    filled = bool(profile.logo_id and profile.address and (profile.phone or profile.email))
    return ChecklistItem(
        10,
        _("Profile and logo"),
        filled,
        reverse("wagtailsettings:edit", args=["home", "institutionsettings", site.pk]),
        _("Upload the logo and fill in the address, phone or e-mail."),
    )


def staff_item(site: Site) -> ChecklistItem:
    staff = get_user_model().objects.filter(
        is_active=True,
        groups__institution_role__in=InstitutionRole.objects.filter(site=site, is_admin=False),
    )
    return ChecklistItem(
        20,
        _("Staff invited"),
        staff.exists(),
        reverse("wagtailusers_users:index"),
        _("Invite the people who write, review and approve, each with their SOP role."),
    )


def first_article_item(site: Site) -> ChecklistItem:
    home = site.root_page
    published = NewsPage.objects.live().filter(subtree_q(home.path)).exists()
    news_index = NewsIndexPage.objects.filter(subtree_q(home.path), depth=home.depth + 1).first()
    target = news_index or home
    return ChecklistItem(
        50,
        _("First article published"),
        published,
        reverse("wagtailadmin_pages:add_subpage", args=[target.pk]),
        _("Write the first news article and send it through the SOP."),
    )


def checklist(site: Site) -> list[ChecklistItem]:
    """Every item of ``site``'s checklist, in order."""
    profile = InstitutionSettings.objects.filter(site=site).first()
    items = [staff_item(site), first_article_item(site)]
    if profile is not None:
        items.append(profile_item(site, profile))
    for items_for in hooks.get_hooks(HOOK_NAME):
        items.extend(items_for(site))
    return sorted(items, key=lambda item: item.order)


class OnboardingChecklistPanel(Component):
    """Per institution the user administers: its checklist while anything is left to do."""

    name = "onboarding_checklist"
    template_name = "home/dashboard/onboarding_checklist.html"
    order = 50

    def get_context_data(self, parent_context=None):
        user = parent_context["request"].user
        institutions = []
        if not user.is_superuser:  # operators would see every institution's list
            sites = sites_for_user(user, admin=True).select_related("root_page").order_by("pk")
            for site in sites:
                items = checklist(site)
                if not all(item.done for item in items):
                    done = sum(item.done for item in items)
                    name = site.site_name or site.hostname
                    institutions.append(
                        {
                            "panel_id": f"onboarding-checklist-{site.pk}",
                            "heading": _("First week: %(institution)s") % {"institution": name},
                            "items": items,
                            "done": done,
                            "total": len(items),
                        }
                    )
        return {"institutions": institutions}
