"""Forms of the staff pages: invite a person, choose who takes over a leaving person's work."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from home.tenancy import staff_managed_by
from home.user_forms import InstitutionRoleChoiceField, institution_roles


class InviteForm(forms.Form):
    """Who to invite and which of the institution's roles they get."""

    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)

    def __init__(self, *args, for_user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roles"] = InstitutionRoleChoiceField(
            queryset=institution_roles(for_user),
            widget=forms.CheckboxSelectMultiple,
            label=_("Roles"),
            error_messages={
                "required": _("Choose at least one role for the person."),
                "invalid_choice": _(
                    "Only roles of your own institution can be given. Choose the roles "
                    "from the list."
                ),
            },
        )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(email__iexact=email, is_superuser=True).exists():
            raise forms.ValidationError(
                _("This address cannot be invited here. Ask a platform operator for help.")
            )
        return email


class ColleagueChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.get_username()


class HandoverForm(forms.Form):
    """The colleague who takes over the leaving person's work."""

    def __init__(self, *args, for_user, person, sites, **kwargs):
        super().__init__(*args, **kwargs)
        colleagues = (
            staff_managed_by(for_user)
            .filter(is_active=True, groups__institution_role__site__in=sites)
            .exclude(pk=person.pk)
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        self.fields["colleague"] = ColleagueChoiceField(
            queryset=colleagues,
            required=False,
            label=_("Hand the work over to"),
            empty_label=_("— choose a colleague —"),
        )
