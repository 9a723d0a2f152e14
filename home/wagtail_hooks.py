"""Admin hooks that keep each institution inside its own page tree; the regional roll-up; the
first-week checklist."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.checklist import OnboardingChecklistPanel
from home.oversight import urls as oversight_urls
from home.oversight.permissions import ROLLUP_POLICY
from home.tenancy import pages_of_user_institutions


@hooks.register("construct_homepage_panels")
def add_onboarding_checklist(request, panels):
    panels.append(OnboardingChecklistPanel())


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser_to_institution(pages, request):
    """Wagtail's page chooser offers every site's pages (wagtail#1700); offer only our own."""
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=pages_of_user_institutions(request.user).values("pk"))


class RollupMenuItem(MenuItem):
    """Shown to the oversight roles of a region (and operators) only."""

    def is_shown(self, request):
        return ROLLUP_POLICY.user_has_permission(request.user, "view")


@hooks.register("register_admin_urls")
def register_oversight_urls():
    patterns = (oversight_urls.urlpatterns, "oversight")
    return [path("oversight/", include(patterns, namespace="oversight"))]


@hooks.register("register_reports_menu_item")
def register_rollup_menu_item():
    return RollupMenuItem(
        _("Regional roll-up"), reverse("oversight:rollup"), icon_name="site", order=890
    )


@hooks.register("construct_reports_menu")
def hide_operator_only_reports(request, menu_items):
    """The page types usage report counts every institution's pages: operators only
    (``home.admin_guard`` refuses the URL to everyone else)."""
    if request.user.is_superuser:
        return
    hidden = reverse("wagtailadmin_reports:page_types_usage")
    menu_items[:] = [item for item in menu_items if item.url != hidden]


from home.regional import wagtail_hooks as regional_hooks  # noqa: E402, F401  (regional offers)
from home.staff import wagtail_hooks as staff_hooks  # noqa: E402, F401  (staff admin hooks)
