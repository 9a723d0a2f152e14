"""The users app config: ``wagtail.users`` whose user forms offer institution roles only.

Its own module: ``home.apps`` must hold only ``HomeConfig``, which Django picks as the
default config of ``home``.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class InstitutionUsersAppConfig(WagtailUsersAppConfig):
    """In ``INSTALLED_APPS`` instead of ``wagtail.users`` (see ``home.user_forms``)."""

    user_viewset = "home.user_forms.InstitutionUserViewSet"
