"""Admin hooks that keep each institution inside its own page tree; the first-week checklist."""

from wagtail import hooks

from home.checklist import OnboardingChecklistPanel
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
