"""The admin's user forms offer institution roles only, each labelled with its institution.

Wagtail's user forms offer every group of the deployment; a group that is not an institution
role (Wagtail's default *Editors* and *Moderators*, or one an operator made by hand) may reach
every institution, so one wrong tick would give a kelurahan clerk every institution's pages.
Installed through Wagtail's documented seam: the ``user_viewset`` of the users app config
(``home.users_app.InstitutionUsersAppConfig``, in ``INSTALLED_APPS`` instead of ``wagtail.users``).
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet


class InstitutionRoleChoiceField(forms.ModelMultipleChoiceField):
    """Groups that are institution roles, ordered and labelled by institution."""

    def label_from_instance(self, obj: Group) -> str:
        role = obj.institution_role
        return f"{role.site.site_name or role.site.hostname} — {role.name}"


def institution_roles():
    """Every institution role's group, by institution then role."""
    return (
        Group.objects.filter(institution_role__isnull=False)
        .select_related("institution_role__site")
        .order_by(
            "institution_role__site__site_name",
            "institution_role__site__hostname",
            "institution_role__pk",
        )
    )


class InstitutionRolesMixin:
    """Replaces the form's ``groups`` field: institution roles only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            old = self.fields["groups"]
            self.fields["groups"] = InstitutionRoleChoiceField(
                queryset=institution_roles(),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                label=old.label,
                help_text=_(
                    "Institution roles, each named with its institution. Groups that are not "
                    "an institution role are never offered: they may reach every institution."
                ),
            )


class InstitutionUserCreationForm(InstitutionRolesMixin, UserCreationForm):
    """Wagtail's user creation form with institution roles only."""


class InstitutionUserEditForm(InstitutionRolesMixin, UserEditForm):
    """Wagtail's user edit form with institution roles only."""


class InstitutionUserViewSet(UserViewSet):
    def get_form_class(self, for_update: bool = False):
        return InstitutionUserEditForm if for_update else InstitutionUserCreationForm
