"""The users app config: ``wagtail.users`` scoped to institutions.

Its own module: ``home.apps`` must hold only ``HomeConfig``, which Django picks as the
default config of ``home``.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class InstitutionUsersAppConfig(WagtailUsersAppConfig):
    """In ``INSTALLED_APPS`` instead of ``wagtail.users``: user forms offering institution
    roles only (``home.user_forms``) and the user model's permission policy that lets an
    institution administrator manage its own people (``home.staff.policy``)."""

    user_viewset = "home.user_forms.InstitutionUserViewSet"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from wagtail.permissions import register_permission_policy

        from home.staff.policy import StaffPermissionPolicy

        User = get_user_model()
        register_permission_policy(User, StaffPermissionPolicy(User))
        register_permission_policy(Group)
