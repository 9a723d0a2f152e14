"""Admin hooks of regional offers: the URLs, the page header menu item, the dashboard panel."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Site

from home.models import NewsPage
from home.regional import urls as regional_urls
from home.regional.panels import OfferedArticlesPanel
from home.tenancy import site_for_page, sites_below


@hooks.register("register_admin_urls")
def register_regional_urls():
    patterns = (regional_urls.urlpatterns, "regional")
    return [path("regional/", include(patterns, namespace="regional"))]


class OfferToInstitutionsBelowButton(PageMenuItem):
    """In the "…" menu of a published news page of an institution with institutions below."""

    label = _("Offer to institutions below")
    icon_name = "site"

    @cached_property
    def url(self):
        return reverse("regional:offer", args=[self.page.pk])

    def is_shown(self, user):
        page = self.page
        if page.specific_class is not NewsPage or not page.live:
            return False
        if not page.permissions_for_user(user).can_edit():
            return False
        site = site_for_page(page)
        return site is not None and sites_below(Site.objects.filter(pk=site.pk)).exists()


@hooks.register("register_page_header_buttons")
def offer_button(page, user, view_name, next_url=None):
    yield OfferToInstitutionsBelowButton(page=page, priority=40)


@hooks.register("construct_homepage_panels")
def add_offered_articles(request, panels):
    panels.append(OfferedArticlesPanel())


@hooks.register("insert_global_admin_css")
def regional_css():
    return format_html('<link rel="stylesheet" href="{}">', static("home/regional/regional.css"))


@hooks.register("register_log_actions")
def register_offer_log_action(actions):
    actions.register_action(
        "home.offer_article",
        _("Offer to institutions below"),
        _("Offered to the institutions below"),
    )
    actions.register_action(
        "home.adopt_article",
        _("Adopt an offered article"),
        _("Adopted as a draft from an article offered by the institution above"),
    )
