"""Pages may only use media from their own institution's collection."""

from __future__ import annotations

from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import ngettext
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from home.page_forms import InstitutionPageForm


def referenced_media(instance: models.Model) -> Iterator[tuple[type[models.Model], str]]:
    """Yield ``(model, pk)`` for every image and document a page refers to, in any field."""
    media_models = (get_image_model(), get_document_model())
    for field in instance._meta.concrete_fields:
        value = field.value_from_object(instance)
        if value is None:
            continue
        related = field.related_model if field.is_relation and field.many_to_one else None
        if related and issubclass(related, media_models):
            yield field.related_model, str(value)
        elif hasattr(field, "extract_references"):
            for model, pk, _model_path, _content_path in field.extract_references(value):
                if issubclass(model, media_models):
                    yield model, str(pk)


class TenantContentMixin:
    """Refuse content that points at another institution's images or documents.

    The image chooser only *offers* the user's own collection; this check makes the rule hold
    for anything submitted to the editor, whatever the form says.
    """

    base_form_class = InstitutionPageForm

    def clean(self) -> None:
        super().clean()
        if not getattr(self, "path", None):
            return
        from home.models import InstitutionSettings
        from home.tenancy import institution_root_path

        collection_path = (
            InstitutionSettings.objects.filter(site__root_page__path=institution_root_path(self))
            .values_list("collection__path", flat=True)
            .first()
        )
        if not collection_path:
            return
        foreign = []
        refs: dict[type[models.Model], set[str]] = {}
        for model, pk in referenced_media(self):
            refs.setdefault(model, set()).add(pk)
        for model, pks in refs.items():
            outside = model.objects.filter(pk__in=pks).exclude(
                collection__path__startswith=collection_path
            )
            foreign.extend(str(obj.title) for obj in outside)
        if foreign:
            raise ValidationError(
                ngettext(
                    "This page uses media from another institution's library: %(items)s. "
                    "Choose media from your own institution's library.",
                    "This page uses media from another institution's library: %(items)s. "
                    "Choose media from your own institution's library.",
                    len(foreign),
                )
                % {"items": ", ".join(sorted(foreign))}
            )
