"""Tenant isolation for Wagtail's generic admin views (ModelViewSet), shared by every app.

A viewset of a tenant-owned model mixes in :class:`TenantViewSetMixin`: every view it
registers (index and results, inspect, edit, delete, copy, history, usage, reorder, and any
view a subclass adds through ``construct_view``) then takes its rows from the model's
permission policy (``home.permissions``), so another institution's row is a 404 wherever its
id is put in a URL.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView

#: The rows a user may see at all: those they may view or act on.
VISIBLE = ("view", "change", "delete")


class TenantScopedMixin:
    """The view's rows: those the permission policy allows the user ``object_actions`` on."""

    object_actions: tuple[str, ...] = VISIBLE

    def tenant_queryset(self) -> QuerySet:
        """The model's rows the user may do one of ``object_actions`` on."""
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, self.object_actions
        )


class TenantListingMixin(TenantScopedMixin):
    """A listing (index view) limited to the rows the policy allows the user."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        return queryset.filter(pk__in=self.tenant_queryset().values("pk"))


class TenantObjectMixin(TenantScopedMixin):
    """A single-object view (edit, inspect, history, usage…): 404 for a row outside the policy.

    Covers both of Wagtail's ``get_object`` signatures (``SingleObjectMixin`` and
    ``BaseObjectMixin``), so it fits every object view.
    """

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not self.tenant_queryset().filter(pk=obj.pk).exists():
            raise Http404
        return obj


class TenantQuerysetMixin(TenantListingMixin, TenantObjectMixin):
    """Lists and single objects limited to what the permission policy allows the user (for a
    view class used outside a :class:`TenantViewSetMixin` viewset)."""


#: Per kind of Wagtail view (most specific first): the scoping mixin and the actions that
#: make a row reachable through it. Views not listed (add) have no existing row.
SCOPES: tuple[tuple[type, type, tuple[str, ...]], ...] = (
    (generic.IndexView, TenantListingMixin, VISIBLE),
    (generic.CopyView, TenantObjectMixin, ("change", "view")),  # as Wagtail's own copy check
    (generic.CreateView, None, ()),
    (generic.EditView, TenantObjectMixin, ("change",)),
    (generic.DeleteView, TenantObjectMixin, ("delete",)),
    (generic.ReorderView, TenantObjectMixin, ("change",)),
    (generic.InspectView, TenantObjectMixin, VISIBLE),
    (HistoryView, TenantObjectMixin, VISIBLE),
    (UsageView, TenantObjectMixin, VISIBLE),
)


def tenant_view_class(view_class: type) -> type:
    """``view_class`` scoped to the user's institutions by its model's permission policy.

    A class that already scopes itself (a ``TenantScopedMixin``) is returned unchanged, with its
    own ``object_actions``; any other object view is scoped to the rows the user may see.
    """
    if issubclass(view_class, TenantScopedMixin):
        return view_class
    mixin, actions = next(
        ((mixin, actions) for base, mixin, actions in SCOPES if issubclass(view_class, base)),
        (TenantObjectMixin if hasattr(view_class, "get_object") else None, VISIBLE),
    )
    if mixin is None:
        return view_class
    return type(view_class.__name__, (mixin, view_class), {"object_actions": actions})


class TenantViewSetMixin:
    """For a ``ModelViewSet`` (or ``SnippetViewSet``) of a tenant-owned model: every view it
    constructs gets its rows from the model's permission policy."""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(tenant_view_class(view_class), **kwargs)
