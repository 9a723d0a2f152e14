"""The publish/submit gate: a page form that refuses to let content out without alternatives.

Why the form: the page edit and create views validate with ``defer_required_fields()`` only
when the editor saves a draft, and Wagtail's own ``ImageBlock`` uses exactly that flag
(``is_deferred_validation``) to demand alt text on publish/submit but not on draft saves. A form
error also keeps the editor's unsaved changes on screen, which a hook returning a redirect
cannot. Publishing, scheduling (a future go-live is set by the same publish action), submitting
for moderation, restarting a workflow and approving a task in the editor all run this
validation; rejecting ("request changes") and cancelling a workflow are let through.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError
from wagtail.fields import StreamField

from accessibility.checks import Problem, missing_alternatives

# Workflow actions that do not move the page towards publication.
UNGATED_WORKFLOW_ACTIONS = frozenset({"reject", "paraf"})


class AlternativesRequiredMixin:
    """Mixed into a page form: publish/submit/approve fail while :func:`missing_alternatives`."""

    def full_clean(self) -> None:
        """Django's validation of the form and its model, then the gate."""
        super().full_clean()  # the instance now carries the submitted values
        _translate_stream_errors(getattr(self, "_errors", None) or {})
        if not self.is_bound or (self.empty_permitted and not self.has_changed()):
            return  # Django validated nothing, so neither does the gate
        if self.is_deferred_validation or not self._moves_towards_publication():
            return
        problems = missing_alternatives(self._page_as_submitted())
        if problems:
            self.add_error(None, gate_error(problems, self.instance))

    def _page_as_submitted(self):
        """The instance with the submitted content, even from fields that failed validation.

        Wagtail's ``ImageBlock`` rejects an empty alt text itself, which keeps the whole body
        out of ``cleaned_data``; the list must still name every image, so invalid StreamFields
        contribute their submitted value (the form is invalid anyway and saves nothing).
        """
        for name in self.errors:
            field = self.instance._meta.get_field(name) if name in self.fields else None
            if isinstance(field, StreamField):
                setattr(self.instance, name, self[name].data)
        return self.instance

    def _moves_towards_publication(self) -> bool:
        data = self.data
        if data.get("action-cancel-workflow"):
            return False
        if data.get("action-workflow-action"):
            return data.get("workflow-action-name", "") not in UNGATED_WORKFLOW_ACTIONS
        return True


def _translate_stream_errors(errors: dict) -> None:
    """Wagtail's StreamField error has a fixed English message, shown in the error summary."""
    for error_list in errors.values():
        for error in error_list.as_data():
            if isinstance(error, StreamBlockValidationError):
                error.message = _("Some blocks have errors; they are marked below.")


class AlternativesRequiredPageForm(AlternativesRequiredMixin, WagtailAdminPageForm):
    """``WagtailAdminPageForm`` with the gate, for page models that use the default form."""


def gate_error(problems: list[Problem], page=None) -> ValidationError:
    """One error listing every offending image or video with a link to fix it."""
    intro = ngettext(
        "This page cannot be submitted or published yet: %(count)s image or video has no "
        "text alternative. Saving a draft is still possible.",
        "This page cannot be submitted or published yet: %(count)s images or videos have no "
        "text alternative. Saving a draft is still possible.",
        len(problems),
    ) % {"count": len(problems)}
    items = format_html_join(
        "",
        '<li>{} <a href="{}">{}</a></li>',
        ((problem.message, problem.fix_url(page), _("Fix")) for problem in problems),
    )
    html = format_html('{}<ul class="accessibility-problems">{}</ul>', intro, items)
    return ValidationError(_PrefixableHtml(html), code="missing_alternatives")


class _PrefixableHtml(SafeString):
    """Safe HTML that stays safe when a plain string is put in front of it.

    ``wagtail.admin.messages.validation_error`` writes each error as ``prefix + error``, a
    plain ``str`` concatenation that drops ``SafeString``'s marking, so the links to fix each
    image would be shown as escaped markup. Python asks a ``str`` subclass on the right first.
    """

    def __radd__(self, other: str) -> SafeString:
        return SafeString(conditional_escape(other) + str.__str__(self))


def install_gate(page_models) -> None:
    """Mix the gate into the ``base_form_class`` of each page model (from ``ready()``).

    Page models keep their own base form: the gate is mixed in front of it, so ``home`` needs
    no import from this app. Models already carrying the gate are left alone.
    """
    for model in page_models:
        base = getattr(model, "base_form_class", None) or WagtailAdminPageForm
        if isinstance(base, str) or issubclass(base, AlternativesRequiredMixin):
            continue
        if base is WagtailAdminPageForm:
            model.base_form_class = AlternativesRequiredPageForm
        else:
            name = f"AlternativesRequired{base.__name__}"
            model.base_form_class = type(name, (AlternativesRequiredMixin, base), {})
