"""Admin hooks that keep each institution inside its own page tree."""

from django.urls import reverse
from wagtail import hooks

from home.tenancy import pages_of_user_institutions


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser_to_institution(pages, request):
    """Wagtail's page chooser offers every site's pages (wagtail#1700); offer only our own."""
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=pages_of_user_institutions(request.user).values("pk"))


@hooks.register("construct_reports_menu")
def hide_operator_only_reports(request, menu_items):
    """The page types usage report counts every institution's pages: operators only
    (``home.admin_guard`` refuses the URL to everyone else)."""
    if request.user.is_superuser:
        return
    hidden = reverse("wagtailadmin_reports:page_types_usage")
    menu_items[:] = [item for item in menu_items if item.url != hidden]


from home.staff import wagtail_hooks as staff_hooks  # noqa: E402, F401  (staff admin hooks)
