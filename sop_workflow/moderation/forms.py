"""Forms of the SOP task actions, shown in Wagtail's workflow action modal."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from home.vocabulary import CHANNEL_KEYS, ChannelName
from sop_workflow.definition import CHANNELS

CHANNEL_LABELS = dict(ChannelName.choices)
CHANNEL_ORDER = CHANNEL_KEYS
CONNECTED_CHANNELS_HOOK = "sop_connected_channels"


class RejectForm(forms.Form):
    comment = forms.CharField(
        label=_("What must change"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required. The item goes back with this comment."),
        error_messages={"required": _("Say what must change before the item goes back.")},
    )


class ApproveForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class ParafForm(ApproveForm):
    initials = forms.CharField(
        label=_("Paraf (your initials)"),
        max_length=20,
        help_text=_("Your initials mark this approval in the record and on the archive print."),
    )


def channel_choices(task) -> list[tuple[str, str]]:
    """The channels ``task`` may choose from: the SOP's list, limited to connected channels.

    ``social_publish`` tells which channels an institution has connected through the
    ``sop_connected_channels`` hook (``site -> iterable of channel keys``).
    """
    allowed = set(task.channels or CHANNELS)
    site = task.installed_sop.site if task.installed_sop_id else None
    for hook in hooks.get_hooks(CONNECTED_CHANNELS_HOOK):
        connected = hook(site)
        if connected is not None:
            allowed &= set(connected) | {"website"}
    return [(key, CHANNEL_LABELS[key]) for key in CHANNEL_ORDER if key in allowed]


def _platform_form(base: type[forms.Form], choices) -> type[forms.Form]:
    field = forms.MultipleChoiceField(
        label=_("Platforms"),
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Where the item will be published."),
        error_messages={"required": _("Choose at least one platform.")},
    )
    return type("PlatformChoiceForm", (base,), {"channels": field})


def form_for_action(task, action: str) -> type[forms.Form] | None:
    """The form of ``action`` on ``task``; ``None`` leaves it to Wagtail."""
    if action == "reject":
        return RejectForm
    if action == "paraf":
        return ParafForm
    if action != "approve":
        return None
    base = ParafForm if task.paraf else ApproveForm
    if getattr(task, "choose_platforms", False):
        return _platform_form(base, channel_choices(task))
    return base
