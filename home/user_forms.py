"""The admin's user forms and user viewset: institution roles only, each labelled with its
institution, and only the roles the signed-in user may give.

Wagtail's user forms offer every group of the deployment; a group that is not an institution
role (Wagtail's default *Editors* and *Moderators*, or one an operator made by hand) may reach
every institution, so one wrong tick would give a kelurahan clerk every institution's pages.
An institution administrator (``home.staff``) is offered only its own institution's roles;
the person's roles elsewhere are kept untouched and never shown, and operator rights, the
active flag and — for a person who also works for another institution — the account itself
stay out of its reach. Installed through Wagtail's documented seam: the ``user_viewset`` of
the users app config (``home.users_app.InstitutionUsersAppConfig``).
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.widgets.button import HeaderButton
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_users
from wagtail.users.views.users import UserViewSet

from home.admin_views import TenantViewSetMixin
from home.staff.policy import is_operator
from home.tenancy import roles_managed_by

#: Account fields an institution administrator may not change for a person who also works for
#: another institution: the account is theirs together, only the roles are each one's own.
SHARED_ACCOUNT_FIELDS = ("username", "email", "first_name", "last_name", "password1", "password2")


def role_label(group: Group) -> str:
    """An institution role as people name it: "Kalurahan Bunder — Penulis"."""
    role = group.institution_role
    return f"{role.site.site_name or role.site.hostname} — {role.name}"


class InstitutionRoleChoiceField(forms.ModelMultipleChoiceField):
    """Groups that are institution roles, ordered and labelled by institution."""

    def label_from_instance(self, obj: Group) -> str:
        return role_label(obj)


def institution_roles(for_user=None):
    """The groups of the institution roles ``for_user`` may give (every role without a user),
    by institution then role."""
    roles = roles_managed_by(for_user) if for_user is not None else None
    groups = Group.objects.filter(institution_role__isnull=False)
    if roles is not None:
        groups = groups.filter(institution_role__in=roles)
    return groups.select_related("institution_role__site").order_by(
        "institution_role__site__site_name",
        "institution_role__site__hostname",
        "institution_role__pk",
    )


class InstitutionRolesMixin:
    """Replaces the form's ``groups`` field with the roles ``for_user`` may give; keeps the
    person's other groups; refuses operator rights from anyone but an operator."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        self.by_operator = for_user is None or is_operator(for_user)
        if "groups" in self.fields:
            self._replace_groups_field()
        if not self.by_operator:
            self._limit_to_institution_admin()

    def _replace_groups_field(self) -> None:
        old = self.fields["groups"]
        self.fields["groups"] = InstitutionRoleChoiceField(
            queryset=institution_roles(None if self.by_operator else self.for_user),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=old.label,
            help_text=_(
                "Institution roles, each named with its institution. Groups that are not "
                "an institution role are never offered: they may reach every institution."
            ),
            error_messages={
                "invalid_choice": _(
                    "Only roles of your own institution can be given. Choose the roles "
                    "from the list."
                ),
            },
        )

    def _limit_to_institution_admin(self) -> None:
        for name in ("is_superuser", "is_active"):
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Only platform operators change this. To stop someone's access, use "
                    "“Hand over and deactivate” in the staff list."
                )
        if self.instance.pk and self._works_elsewhere():
            for name in SHARED_ACCOUNT_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].required = False
                    self.fields[name].help_text = _(
                        "This person also works for another institution: only their roles "
                        "here can be changed."
                    )

    def _works_elsewhere(self) -> bool:
        """Whether the person holds a role or group this form does not offer."""
        offered = self.fields["groups"].queryset.values("pk")
        return self.instance.groups.exclude(pk__in=offered).exists()

    def clean(self):
        cleaned = super().clean()
        if not self.by_operator:
            self._refuse_operator_rights()
            self._require_an_own_role(cleaned)
        return cleaned

    def _refuse_operator_rights(self) -> None:
        if self.data.get(self.add_prefix("is_superuser")) not in (None, "", "false", "False"):
            self.add_error(
                None,
                _(
                    "Operator (administrator) rights can only be given by a platform "
                    "operator. Nothing was saved; untick it and save again."
                ),
            )

    def _require_an_own_role(self, cleaned) -> None:
        if "groups" in cleaned and not cleaned["groups"]:
            self.add_error(
                "groups",
                _(
                    "Choose at least one role of your institution. To stop someone's access, "
                    "use “Hand over and deactivate” in the staff list."
                ),
            )

    def _save_m2m(self):
        """The chosen roles replace only the roles offered; every other group is kept."""
        super()._save_m2m()
        if "groups" in self.fields and self._kept_groups:
            self.instance.groups.add(*self._kept_groups)

    def _post_clean(self):
        offered = self.fields["groups"].queryset.values("pk") if "groups" in self.fields else []
        self._kept_groups = (
            list(self.instance.groups.exclude(pk__in=offered)) if self.instance.pk else []
        )
        super()._post_clean()


class InstitutionUserCreationForm(InstitutionRolesMixin, UserCreationForm):
    """Wagtail's user creation form with institution roles only."""


class InstitutionUserEditForm(InstitutionRolesMixin, UserEditForm):
    """Wagtail's user edit form with institution roles only."""


class StaffFilterSet(wagtail_users.UserFilterSet):
    """Wagtail's user filters; an institution administrator filters by its own roles only."""

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        super().__init__(data, queryset, request=request, **kwargs)
        if request is not None and not is_operator(request.user):
            self.filters["group"].queryset = institution_roles(request.user)
            self.filters.pop("is_superuser", None)


class FormForUserMixin:
    """Hands the signed-in user to the form, which offers only what that user may give."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class YesNoColumn(BooleanColumn):
    """Wagtail's tick/cross column, its icon titled *Ya*/*Tidak* instead of "True"/"False"."""

    cell_template_name = "home/staff/boolean_cell.html"


class StaffIndexView(wagtail_users.IndexView):
    """Wagtail's user listing with an *Invite* button and each person's roles the signed-in
    user may see (never their roles in an institution it does not manage)."""

    @cached_property
    def header_buttons(self):
        invite = HeaderButton(_("Invite"), url=reverse("staff_invite"), icon_name="mail")
        return [invite, *super().header_buttons]

    @cached_property
    def columns(self):
        columns = list(super().columns)
        if not is_operator(self.request.user):  # no operator listed, bulk actions are theirs
            hidden = {"is_superuser", "bulk_actions"}
            columns = [column for column in columns if column.name not in hidden]
        visible = {group.pk: group for group in institution_roles(self.request.user)}

        def roles(user) -> str:
            groups = user.groups.all()
            return "; ".join(role_label(visible[g.pk]) for g in groups if g.pk in visible)

        columns = [
            YesNoColumn(
                c.name, label=c.label, sort_key=c.sort_key, classname=c.classname, width=c.width
            )
            if c.name == "is_active"
            else c
            for c in columns
        ]
        after = next(i for i, c in enumerate(columns) if c.name == self.model.USERNAME_FIELD)
        columns.insert(
            after + 1, Column("roles", accessor=roles, label=_("Roles"), classname="staff-roles")
        )
        return columns

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("groups")


class StaffCreateView(FormForUserMixin, wagtail_users.CreateView):
    pass


class StaffEditView(FormForUserMixin, wagtail_users.EditView):
    pass


class InstitutionUserViewSet(TenantViewSetMixin, UserViewSet):
    """Wagtail's users admin, each view limited to the people the user manages
    (``home.staff.policy.StaffPermissionPolicy``)."""

    filterset_class = StaffFilterSet
    index_view_class = StaffIndexView
    add_view_class = StaffCreateView
    edit_view_class = StaffEditView

    def get_form_class(self, for_update: bool = False):
        return InstitutionUserEditForm if for_update else InstitutionUserCreationForm
