"""Tags an institution member may be offered: those on the pages, images and documents of the
member's own institutions.

Wagtail's tag autocomplete (``wagtailadmin_tag_autocomplete``) answers from every tag of the
deployment, so typing two letters listed other institutions' tags. :func:`scoped_autocomplete`
answers the same JSON from :func:`tags_visible_to`; ``home.admin_guard`` serves it in place of
Wagtail's view to everyone but operators.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.http import Http404, JsonResponse
from taggit.models import Tag, TagBase, TaggedItem
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from home.models import InstitutionSettings, NewsPageTag
from home.tenancy import pages_of_user_institutions, sites_for_user


def media_of_user_institutions(model, user) -> QuerySet:
    """Images or documents in the collections (and sub-collections) of the user's institutions."""
    paths = InstitutionSettings.objects.filter(site__in=sites_for_user(user)).values_list(
        "collection__path", flat=True
    )
    condition = Q(pk__in=[])
    for path in paths:
        if path:
            condition |= Q(collection__path__startswith=path)
    return model.objects.filter(condition)


def tags_visible_to(user) -> QuerySet[Tag]:
    """Tags used on the user's institutions' pages, images and documents; all for operators."""
    if user.is_superuser:
        return Tag.objects.all()
    on_pages = NewsPageTag.objects.filter(
        content_object_id__in=pages_of_user_institutions(user).values("pk")
    ).values("tag_id")
    on_media = Q(pk__in=[])
    for model in (get_image_model(), get_document_model()):
        on_media |= Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=media_of_user_institutions(model, user).values("pk"),
        )
    return Tag.objects.filter(
        Q(pk__in=on_pages) | Q(pk__in=TaggedItem.objects.filter(on_media).values("tag_id"))
    )


def scoped_autocomplete(request, app_name=None, model_name=None) -> JsonResponse:
    """Wagtail's tag autocomplete, limited to :func:`tags_visible_to` the user."""
    if app_name and model_name:
        try:
            content_type = ContentType.objects.get_by_natural_key(app_name, model_name)
        except ContentType.DoesNotExist as error:
            raise Http404 from error
        tag_model = content_type.model_class()
        if not issubclass(tag_model, TagBase):
            raise Http404
        if tag_model is not Tag:  # a project tag model of its own: none is tenant-owned yet
            return JsonResponse([], safe=False)
    term = request.GET.get("term", "")
    if not term:
        return JsonResponse([], safe=False)
    names = (
        tags_visible_to(request.user)
        .filter(name__istartswith=term)
        .order_by("name")
        .values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(names), safe=False)


def popular_tags_for(model, user, count: int = 10) -> QuerySet[Tag]:
    """Wagtail's ``popular_tags_for_model``, counting only the user's institutions' media."""
    content_type = ContentType.objects.get_for_model(model)
    items = Q(taggit_taggeditem_items__content_type=content_type)
    if not user.is_superuser:
        items &= Q(
            taggit_taggeditem_items__object_id__in=media_of_user_institutions(model, user).values(
                "pk"
            )
        )
    return (
        Tag.objects.filter(items)
        .annotate(item_count=Count("taggit_taggeditem_items", filter=items))
        .order_by("-item_count")[:count]
    )
