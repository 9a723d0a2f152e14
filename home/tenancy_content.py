"""Content may only refer to its own institution's media, pages and records.

One check for every form that carries choosers: a page (created, edited, saved as a draft,
submitted, scheduled or published), the institution profile (its logo) and any other model
with a foreign key or a reference-bearing field (StreamField, rich text). The choosers only
*offer* the user's own institution; this check makes the rule hold for whatever is submitted.

The refusal names the field, never the foreign object: another institution's titles are not
shown to this institution's users.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.forms import ModelChoiceField
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Collection, Page, Site

from home.office_hours import OfficeHoursField
from home.page_forms import InstitutionPageForm


@dataclass(frozen=True)
class Institution:
    """Where an institution's content lives: its page tree and its media collection."""

    root_path: str
    collection_path: str | None


@dataclass(frozen=True)
class ForeignReference:
    """A field value that points at something outside the institution."""

    field: str  # the model field's name (a form field, when the form shows it)
    label: str  # the field's verbose name, as the editor sees it
    kind: str  # what is pointed at: the target models' verbose names, comma-separated
    targets: frozenset[tuple[type, str]] = frozenset()  # (concrete model, pk) of each foreign


def institution_of_root(root_path: str) -> Institution | None:
    """The institution whose root page has tree path ``root_path`` (``None`` if none)."""
    from home.models import InstitutionSettings

    row = (
        InstitutionSettings.objects.filter(site__root_page__path=root_path)
        .values_list("collection__path", flat=True)
        .first()
    )
    if row is None and not Site.objects.filter(root_page__path=root_path).exists():
        return None
    return Institution(root_path=root_path, collection_path=row)


def institution_of_page(page: Page | None, parent_page: Page | None = None) -> Institution | None:
    """The institution of ``page``, or of the page being created under ``parent_page``.

    A page still being created has no tree path; its parent's decides. A page created
    directly under the tree root becomes an institution root itself (operators only) and has
    no institution yet.
    """
    from home.tenancy import INSTITUTION_ROOT_DEPTH

    path = getattr(page, "path", None) or ""
    if not path and parent_page is not None:
        path = parent_page.path + "0" * Page.steplen  # any child's path shares the prefix
    if len(path) < Page.steplen * INSTITUTION_ROOT_DEPTH:
        return None
    return institution_of_root(path[: Page.steplen * INSTITUTION_ROOT_DEPTH])


def institution_of_site(site: Site | None) -> Institution | None:
    """The institution a site is (its root page's tree and its profile's collection)."""
    if site is None or site.root_page_id is None:
        return None
    root_path = Page.objects.filter(pk=site.root_page_id).values_list("path", flat=True).first()
    return institution_of_root(root_path) if root_path else None


def _tenant_kind(model: type[models.Model]) -> str | None:
    """How a model's rows belong to an institution; ``None`` when they do not."""
    if issubclass(model, Page):
        return "page"
    if issubclass(model, Collection):
        return "collection"
    if issubclass(model, Site):
        return "site"
    forward = {field.name for field in model._meta.get_fields() if field.concrete}
    if "collection" in forward:  # images, documents and any other collection member
        return "collection_member"
    if "site" in forward:
        return "site_owned"
    return None


def _owned_filter(model: type[models.Model], institution: Institution) -> models.Q | None:
    """The rows of ``model`` that belong to ``institution``; ``None``: not tenant-owned."""
    collection = institution.collection_path or "\0"  # no collection: no media is its own
    return {
        "page": models.Q(path__startswith=institution.root_path),
        "collection": models.Q(path__startswith=collection),
        "site": models.Q(root_page__path=institution.root_path),
        "collection_member": models.Q(collection__path__startswith=collection),
        "site_owned": models.Q(site__root_page__path=institution.root_path),
    }.get(_tenant_kind(model))


def _may_refer(field: models.Field) -> bool:
    """Whether ``field`` can point at tenant-owned rows (the parent link of a child cannot)."""
    from modelcluster.fields import ParentalKey

    if field.primary_key or isinstance(field, ParentalKey):
        return False
    if field.is_relation and field.many_to_one:
        return _tenant_kind(field.related_model) is not None
    return hasattr(field, "extract_references")


def _field_references(instance: models.Model) -> Iterator[tuple[models.Field, type, str]]:
    """``(field, model, pk)`` for every foreign key and every reference in a field's value."""
    for field in instance._meta.concrete_fields:
        if not _may_refer(field):
            continue
        value = field.value_from_object(instance)
        if value is None or value == "":
            continue
        if field.is_relation:
            yield field, field.related_model, str(value)
        else:
            for model, pk, _model_path, _content_path in field.extract_references(value):
                yield field, model, str(pk)


def _child_instances(instance: models.Model) -> Iterator[tuple[str, models.Model]]:
    """Inline children of a cluster (``InlinePanel`` rows) that may hold references."""
    from modelcluster.models import get_all_child_relations

    for relation in get_all_child_relations(type(instance)):
        if not any(_may_refer(field) for field in relation.related_model._meta.concrete_fields):
            continue
        manager = getattr(instance, relation.get_accessor_name(), None)
        for child in manager.all() if manager is not None else ():
            yield relation.get_accessor_name(), child


def foreign_references(
    instance: models.Model, institution: Institution, *, inline_field: str | None = None
) -> list[ForeignReference]:
    """Every field of ``instance`` (and its inline children) referring outside ``institution``.

    Objects that do not exist count as foreign too: a submitted id is never taken on trust.
    """
    wanted: dict[tuple[str, type], set[str]] = {}
    fields: dict[str, models.Field] = {}
    for field, model, pk in _field_references(instance):
        wanted.setdefault((field.name, model), set()).add(pk)
        fields[field.name] = field
    kinds: dict[str, list[str]] = {}
    targets: dict[str, set[tuple[type, str]]] = {}
    for (name, model), pks in wanted.items():
        owned = _owned_filter(model, institution)
        if owned is None:
            continue
        own = model._default_manager.filter(owned, pk__in=pks).values_list("pk", flat=True)
        outside = pks - {str(pk) for pk in own}
        if outside:
            kinds.setdefault(name, []).append(str(model._meta.verbose_name))
            targets.setdefault(name, set()).update((_key(model), pk) for pk in outside)
    found = [
        ForeignReference(
            field=inline_field or name,
            label=capfirst(str(fields[name].verbose_name)),
            kind=", ".join(names),
            targets=frozenset(targets[name]),
        )
        for name, names in kinds.items()
    ]
    for relation, child in _child_instances(instance):
        found.extend(foreign_references(child, institution, inline_field=relation))
    return found


def reference_error(reference: ForeignReference) -> str:
    """The refusal for one field: what is wrong, and how to fix it."""
    return gettext(
        "%(field)s: the chosen %(kind)s belongs to another institution or no longer exists. "
        "Choose one from your own institution's library and pages."
    ) % {"field": reference.label, "kind": reference.kind}


def references_error(references: list[ForeignReference]) -> ValidationError:
    """One ``ValidationError`` keyed by field, for a model's ``clean()``."""
    errors: dict[str, list[str]] = {}
    for reference in references:
        errors.setdefault(reference.field, []).append(reference_error(reference))
    return ValidationError(errors)


def add_reference_errors(form, references: list[ForeignReference]) -> None:
    """Put each refusal on its form field (or on the form when it shows no such field).

    The form shown again must not show the other institution's objects either (a chooser
    renders the title and preview of what it holds): refused chooser values are emptied.
    """
    foreign_keys = [
        ref.field
        for ref in references
        if ref.field in form.fields
        and ref.field in form.data
        and isinstance(form.fields[ref.field], ModelChoiceField)
    ]
    if foreign_keys:
        form.data = form.data.copy()
        for name in foreign_keys:
            form.data[name] = ""
    for reference in references:
        if reference.field in form.fields and hasattr(form.fields[reference.field], "block"):
            _show_without(form, reference.field, reference.targets)
    for reference in references:
        field = reference.field if reference.field in form.fields else None
        message = reference_error(reference)
        if message not in form.errors.get(field or "__all__", []):  # the model said it too
            form.add_error(field, message)


def _show_without(form, name: str, targets: frozenset[tuple[type, str]]) -> None:
    """Render the StreamField ``name`` again with the refused chooser values emptied."""
    field = form.fields[name]
    value = form[name].value()
    scrubbed = _scrub_block(field.block, value, targets)
    field.bound_data = lambda data, initial: scrubbed  # what the editor is shown again
    form._bound_fields_cache.pop(name, None)


def _key(model: type[models.Model]) -> type[models.Model]:
    """The model a reference is recorded under (every page type counts as ``Page``)."""
    return Page if issubclass(model, Page) else model._meta.concrete_model


def _is_foreign(value, targets) -> bool:
    return isinstance(value, models.Model) and (_key(type(value)), str(value.pk)) in targets


def _scrub_rich_text(source: str, targets) -> str:
    """Rich text without embeds of, and links to, refused objects (the link text stays)."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    kinds = {"image": get_image_model(), "document": get_document_model(), "page": Page}

    def foreign(kind: str, pk: str) -> bool:
        return kind in kinds and (_key(kinds[kind]), pk) in targets

    def embed(match):
        return "" if foreign(match["kind"], match["pk"]) else match[0]

    source = re.sub(
        r'<embed\b(?=[^>]*\bembedtype="(?P<kind>\w+)")(?=[^>]*\bid="(?P<pk>\d+)")[^>]*/?>',
        embed,
        source,
    )

    def link(match):
        return match["text"] if foreign(match["kind"], match["pk"]) else match[0]

    return re.sub(
        r'<a\b(?=[^>]*\blinktype="(?P<kind>\w+)")(?=[^>]*\bid="(?P<pk>\d+)")[^>]*>'
        r"(?P<text>.*?)</a>",
        link,
        source,
        flags=re.S,
    )


def _scrub_block(block, value, targets):
    """``value`` of ``block`` with every chooser value in ``targets`` replaced by ``None``."""
    from wagtail import blocks
    from wagtail.images.blocks import ImageBlock
    from wagtail.rich_text import RichText

    if value is None:
        return None
    if isinstance(block, ImageBlock | blocks.ChooserBlock):
        return None if _is_foreign(value, targets) else value
    if isinstance(block, blocks.RichTextBlock) and isinstance(value, RichText):
        return RichText(_scrub_rich_text(value.source, targets))
    if isinstance(block, blocks.StructBlock):
        for child_name, child_block in block.child_blocks.items():
            value[child_name] = _scrub_block(child_block, value.get(child_name), targets)
    elif isinstance(block, blocks.ListBlock):
        for child in value.bound_blocks:
            child.value = _scrub_block(block.child_block, child.value, targets)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            child.value = _scrub_block(child.block, child.value, targets)
    return value


class TenantReferencesFormMixin:
    """Mixed into an admin model form: refuses references outside the instance's institution.

    ``institution_for_form()`` says which institution the instance belongs to; the default
    follows a ``site`` field (site settings, tenant records).
    """

    def institution_for_form(self) -> Institution | None:
        """The institution the edited instance belongs to."""
        site_id = getattr(self.instance, "site_id", None)
        return institution_of_site(Site.objects.filter(pk=site_id).first()) if site_id else None

    def full_clean(self) -> None:
        """Django's validation of the form and its model, then the reference check."""
        super().full_clean()
        if not self.is_bound or not hasattr(self, "cleaned_data"):
            return
        institution = self.institution_for_form()
        if institution is not None:
            add_reference_errors(self, foreign_references(self.instance, institution))


class InstitutionSettingsForm(TenantReferencesFormMixin, WagtailAdminModelForm):
    """The institution profile's form: the logo must come from the institution's own library;
    office hours are written as text and must be readable by the SOP clock."""

    office_hours = OfficeHoursField(label=gettext_lazy("office hours"))


class TenantPageForm(TenantReferencesFormMixin, InstitutionPageForm):
    """The page editor's form with the reference check, on create as well as on edit.

    A page being created has no tree path until it is saved, but the create view hands the
    form its ``parent_page``: the parent decides the institution.
    """

    def institution_for_form(self) -> Institution | None:
        return institution_of_page(self.instance, getattr(self, "parent_page", None))


class TenantContentMixin:
    """Mixed into every institution page model: its editor form checks references, and
    ``clean()`` (run by every save and revision of a page in the tree) checks them again."""

    base_form_class = TenantPageForm

    def clean(self) -> None:
        super().clean()
        institution = institution_of_page(self)
        if institution is None:
            return  # not in the tree yet: the editor form has checked against the parent
        references = foreign_references(self, institution)
        if references:
            raise references_error(references)


def media_belongs_to_page(obj: models.Model, page: Page) -> bool:
    """Whether an image or document lies in ``page``'s institution's collection.

    Background jobs that read files (social uploads) ask before reading each one, whatever
    the page's content says: the editor check may have been bypassed or the file moved since.
    """
    institution = institution_of_page(page)
    owned = _owned_filter(type(obj), institution) if institution else None
    return owned is not None and type(obj)._default_manager.filter(owned, pk=obj.pk).exists()
