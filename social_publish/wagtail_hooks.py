"""Admin registration: the "Social media" menu with channels and posts, page buttons."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import Button

from home.tenancy import sites_for_user
from social_publish.views.channels import ChannelViewSet
from social_publish.views.syndications import SyndicationViewSet, page_status_url


class SocialMediaGroup(ViewSetGroup):
    menu_label = _("Social media")
    menu_icon = "globe"
    menu_order = 250
    items = (ChannelViewSet, SyndicationViewSet)


@hooks.register("register_admin_viewset")
def register_social_viewsets():
    return SocialMediaGroup()


def _status_button(page, user, priority: int):
    if page.depth <= 2 or not sites_for_user(user).exists():
        return None
    return Button(_("Social media"), url=page_status_url(page), icon_name="globe",
                  priority=priority)


@hooks.register("register_page_header_buttons")
def page_header_social_button(page, user, view_name=None, next_url=None):
    button = _status_button(page, user, 66)
    if button:
        yield button


@hooks.register("register_page_listing_more_buttons")
def page_listing_social_button(page, user, next_url=None):
    button = _status_button(page, user, 55)
    if button:
        yield button
