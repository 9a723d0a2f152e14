"""Admin registration: the "Social media" menu with channels, posts and the rehearsal feed,
page buttons."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import Button

from home.tenancy import site_for_page, sites_for_user
from social_publish.obligations import planned_gaps
from social_publish.views.channels import ChannelViewSet
from social_publish.views.messages import MessagesView
from social_publish.views.sandbox import SandboxFeedViewSet
from social_publish.views.syndications import SyndicationViewSet, page_status_url


class SocialMediaGroup(ViewSetGroup):
    menu_label = _("Social media")
    menu_icon = "globe"
    menu_order = 250
    items = (ChannelViewSet, SyndicationViewSet, SandboxFeedViewSet)


@hooks.register("register_admin_viewset")
def register_social_viewsets():
    return SocialMediaGroup()


@hooks.register("register_admin_urls")
def register_social_message_urls():
    return [
        path(
            "social/messages/<int:page_id>/",
            MessagesView.as_view(),
            name="social_publish_messages",
        )
    ]


def _status_button(page, user, priority: int):
    if page.depth <= 2 or not sites_for_user(user).exists():
        return None
    return Button(
        _("Social media"), url=page_status_url(page), icon_name="globe", priority=priority
    )


def _messages_button(page, user, priority: int):
    if page.depth <= 2 or not page.permissions_for_user(user).can_edit():
        return None
    return Button(
        _("Social media messages"),
        url=reverse("social_publish_messages", args=[page.pk]),
        icon_name="edit",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def page_header_social_button(page, user, view_name=None, next_url=None):
    for button in (_status_button(page, user, 66), _messages_button(page, user, 67)):
        if button:
            yield button


@hooks.register("register_page_listing_more_buttons")
def page_listing_social_button(page, user, next_url=None):
    button = _status_button(page, user, 55)
    if button:
        yield button


@hooks.register("sop_publication_notices")
def required_channels_not_reached(task, task_state) -> list[str]:
    """The SOP's required channels this item will not reach, each with the reason and the fix."""
    page = task_state.workflow_state.content_object.specific
    site = site_for_page(page)
    if site is None:
        return []
    revision = task_state.revision
    preview = revision.as_object() if revision else page.get_latest_revision_as_object()
    return [
        _("Not sent to %(channel)s: %(reason)s")
        % {"channel": gap["channel"], "reason": gap["error"]}
        for gap in planned_gaps(preview, revision, site)
    ]


@hooks.register("accessibility_version_saved")
def send_report_waiting_for_versions(page_id: int) -> None:
    """A link report held back for the audio or braille version goes out once they exist."""
    from social_publish.reports import report_waiting

    report_waiting(page_id)
