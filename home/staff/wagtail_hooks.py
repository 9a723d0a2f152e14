"""Admin hooks of the staff pages: URLs, the buttons in the user listing, the log actions."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)

from home.staff import urls
from home.staff.policy import StaffPermissionPolicy, is_operator


@hooks.register("register_admin_urls")
def staff_urls():
    return [path("staff/", include(urls.urlpatterns))]


def _manageable_ids(request_user) -> set[int]:
    """The ids of the people ``request_user`` manages, read once per listing (cached on the
    request's user object, which lives as long as the request)."""
    ids = getattr(request_user, "_staff_manageable_ids", None)
    if ids is None:
        policy = StaffPermissionPolicy(get_user_model())
        people = policy.instances_user_has_permission_for(request_user, "change")
        ids = request_user._staff_manageable_ids = set(people.values_list("pk", flat=True))
    return ids


@hooks.register("insert_global_admin_css")
def staff_css():
    return format_html('<link rel="stylesheet" href="{}">', static("home/staff/staff.css"))


@hooks.register("register_user_listing_buttons")
def staff_buttons(user, request_user):
    if user == request_user or user.pk not in _manageable_ids(request_user):
        return []
    return [
        Button(
            _("Send password link"),
            url=reverse("staff_password_link", args=[user.pk]),
            icon_name="key",
            priority=20,
        ),
        Button(
            _("Hand over and deactivate"),
            url=reverse("staff_leave", args=[user.pk]),
            icon_name="user",
            priority=30,
        ),
    ]


@hooks.register("register_log_actions")
def staff_log_actions(actions):
    actions.register_action(
        "home.staff.invite", _("Invite"), _("Invited by e-mail to set a password")
    )
    actions.register_action(
        "home.staff.roles_given", _("Roles given"), _("Roles of another institution added")
    )
    actions.register_action(
        "home.staff.password_link", _("Password link"), _("Sent a link to set the password")
    )
    actions.register_action("home.staff.password_set", _("Password set"), _("Set a password"))
    actions.register_action(
        "home.staff.deactivate", _("Deactivate"), _("Work handed over and account deactivated")
    )
    actions.register_action(
        "home.staff.roles_taken",
        _("Roles taken"),
        _("Work handed over and this institution's roles taken"),
    )


class OperatorOnlyBulkAction:
    """Wagtail's bulk actions on users act on any account and offer every group of the
    deployment; they stay with operators (the listing shows institution admins no checkboxes)."""

    def dispatch(self, request, *args, **kwargs):
        if not is_operator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def operator_only(action_class):
    return type(action_class.__name__, (OperatorOnlyBulkAction, action_class), {})


# order=1: registered after wagtail.users' own, so these replace them (same action_type)
for _action in (AssignRoleBulkAction, DeleteBulkAction, SetActiveStateBulkAction):
    hooks.register("register_bulk_action", operator_only(_action), order=1)
