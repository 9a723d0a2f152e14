"""Office hours as people write them, for the institution profile, the commands and the sheet.

The SOP clock (``sop_workflow.timekeeping.working_time``) reads the profile's office hours; its
own reader decides here what may be saved, so that the profile never holds hours the clock
would have to ignore. Free of models, so the profile's form may import it.
"""

from __future__ import annotations

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def parse_office_hours(value: str | dict) -> dict[str, list[str]]:
    """Office hours in the profile's shape, from text (``senin-kamis 07.30-16.00; jumat
    07.30-14.30``), JSON text, or the stored shape.

    Raises:
        ValueError: with a translated message naming what cannot be read.
    """
    from sop_workflow.timekeeping.working_time import OfficeHours  # the clock's own reader

    if isinstance(value, str) and value.strip().startswith("{"):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as error:
            message = _("The office hours are not valid JSON: %(error)s") % {"error": error}
            raise ValueError(message) from error
    return OfficeHours.parse(value).to_dict()


def office_hours_text(value) -> str:
    """The stored office hours as one line of text (``mon 07:30-16:00; …``), '' when unreadable."""
    from sop_workflow.timekeeping.working_time import OfficeHours

    try:
        return str(OfficeHours.parse(value)) if value else ""
    except ValueError:
        return json.dumps(value) if isinstance(value, dict) else str(value)


class OfficeHoursField(forms.CharField):
    """The profile's office hours: one line of text, or JSON; refused when the SOP clock could
    not read them, with the reason."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.setdefault(
            "help_text",
            _(
                "For example: senin-kamis 07.30-16.00; jumat 07.30-14.30 (days not named are "
                "closed). The SOP's standard times count only these hours."
            ),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, str) and value.strip().startswith("{"):
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                return value
        return office_hours_text(value) if isinstance(value, dict) else value

    def clean(self, value):
        text = super().clean(value)
        try:
            return parse_office_hours(text)
        except ValueError as error:
            raise ValidationError(str(error), code="office_hours") from error
