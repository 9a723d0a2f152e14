"""Every place where the project patches, or leans on, Wagtail's and Django's internals.

Checked against **Wagtail 8.0.1 and Django 5.2.19** (:data:`CHECKED_AGAINST`). :func:`apply`
installs the start-up patches; it is called once, from ``HomeConfig.ready()``.
:func:`check_patch_targets`, a Django system check registered there too, fails with
``home.E001`` naming the symbol when one of those below no longer exists, so ``runserver``,
``migrate``, ``check`` and the test runner refuse to start instead of leaving a tenant gap
open; ``home.W001`` warns when the installed Wagtail or Django is not the version checked
against. After an upgrade: re-read each symbol in the new version, move the patch (or replace it
by a public seam), then update :data:`CHECKED_AGAINST`.

Patched at start-up (by :func:`apply`):

1. ``base_filters[<name>].queryset`` of Wagtail's listing and report filter sets:
   ``wagtail.admin.views.pages.listing.PageFilterSet`` (``owner``, ``edited_by``, ``site``),
   ``wagtail.admin.views.reports.locked_pages.LockedPagesReportFilterSet`` (``locked_by``),
   ``wagtail.admin.views.reports.workflows.WorkflowReportFilterSet`` (``requested_by``,
   ``workflow``) and ``…workflows.WorkflowTasksReportFilterSet`` (``workflow``, ``task``).
   Why: they offer every user, site and workflow of the deployment and Wagtail has no hook for
   a filter's choices; each becomes Wagtail's own queryset intersected with the requesting
   user's institutions (:mod:`home.admin_tenancy`).
2. ``wagtail.admin.views.reports.audit_logging.LogEntriesView.filterset_class``: replaced by a
   subclass of ``SiteHistoryReportFilterSet`` overriding ``get_users_queryset`` (defined by
   ``wagtail.admin.views.generic.history.HistoryFilterSet``). Why: the site history's user
   filter lists everyone who acted anywhere; it sets its queryset in ``__init__``, out of
   reach of ``base_filters``.
3. ``wagtail.admin.views.page_privacy.SetPrivacyView.get_form``: wrapped, so the ``groups``
   field of ``wagtail.admin.forms.pages.PageViewRestrictionForm`` offers the groups of the
   page's institution only (the page is the view's ``page``, set by Wagtail's ``dispatch``).
   Why: the privacy form offers every group of the deployment.

6. ``wagtail.admin.views.mixins.SpreadsheetExportMixin.preprocess_field_value``: wrapped, so
   every cell of every CSV/XLSX export (Wagtail's reports and listings, ours) goes through
   :func:`home.exports.neutralise_formula`. Why: a page title such as ``=HYPERLINK(…)``
   becomes a live formula when the export is opened; the mixin has no per-project hook, and
   Wagtail's own report views cannot be replaced through a public seam.

7. ``wagtail.sites.views.IndexView.columns``: the ``port``, ``site_name`` and ``root_page``
   columns get the model fields' translated ``verbose_name`` as their label. Why: Wagtail
   declares them without a label, so their headings are made from the field name in English
   ("Site name", "Root page") on the operators' sites listing.

8. ``wagtail.models.sites.get_site_for_hostname``, ``Site.get_site_root_paths`` and
   ``Site.clear_site_root_paths_cache``: wrapped by :mod:`home.site_registry`, so a request's
   site and the root paths come from the process's copy of the site list for the current
   stamp, and every change Wagtail clears its cache for gives the site list a new stamp. Why:
   the lookup reads every site per request, and with a per-process cache the other processes
   kept serving the old site list (links came out as ``href="None"``); Wagtail has no setting or
   hook for either.

9. ``wagtail.admin.filters.BaseMediaFilterSet.__init__`` and
   ``wagtail.images.views.chooser.ImageChooseViewMixin.get_context_data``: wrapped, so the
   image and document listings' tag filter and the image chooser's "popular tags" come from
   :func:`home.tag_tenancy.popular_tags_for` (the user's institutions' media). Why: both call
   ``wagtail.admin.models.popular_tags_for_model``, which counts every institution's tags and
   has no request; neither has a hook. (The tag autocomplete is answered by
   ``home.admin_guard`` from ``home.tag_tenancy``, not patched.)

Relied on at request time (the functions at the end of this module, called by our code):

4. ``user.wagtail_userprofile``, the reverse accessor of ``wagtail.users.models.UserProfile``
   ``.user``: :func:`give_admin_time_zone` (from ``home.middleware``) caches there an unsaved
   profile carrying the institution's zone, because
   ``wagtail.admin.localization.get_localized_response`` reads the admin's time zone from that
   attribute (``UserProfile.get_current_time_zone``), else ``settings.TIME_ZONE``.
5. ``wagtail.models.Revision.content["go_live_at"]``: :func:`drop_go_live_at` (from
   ``sop_workflow.moderation.publishing``) clears a scheduled go-live in the approved revision's
   serialised content, because ``Revision.publish()`` schedules whenever the object built from it
   (``Revision.as_object()``) has a future ``go_live_at``, and saving a new revision instead
   would add to the page's history.

Replaced by public seams (not patches; listed so they are not brought back):
``GroupApprovalTask._user_in_groups`` → ``Task.user_can_access_editor``
(``sop_workflow.moderation.actions``); ``BaseModelForm._post_clean`` → ``Form.full_clean``
(``accessibility.forms``); ``django.utils._os.safe_join`` → ``FileSystemStorage.path``
(``sop_workflow.records.pdf``); the connection's ``in_atomic_block`` →
``transaction.get_autocommit()`` (``home.page_forms``). Page models' ``base_form_class``
(``home.page_forms``, ``accessibility.forms``) is Wagtail's documented seam for the editor form.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import django
import wagtail
from django.core import checks
from django.db.models import QuerySet

from home.admin_tenancy import (
    privacy_groups_for,
    scoped,
    tasks_visible_to,
    users_of_site_history,
    workflows_visible_to,
)
from home.tenancy import sites_for_user, users_visible_to

logger = logging.getLogger(__name__)

# The versions every symbol below was read in.
CHECKED_AGAINST = {"Wagtail": "8.0.1", "Django": "5.2.19"}


@dataclass(frozen=True)
class Target:
    """One Wagtail/Django symbol a patch relies on: ``module.attribute`` (``[item]``)."""

    module: str
    attribute: str
    item: str | None = None

    def __str__(self) -> str:
        item = f"[{self.item!r}]" if self.item is not None else ""
        return f"{self.module}.{self.attribute}{item}"

    def resolve(self) -> object:
        """The symbol itself; raises ``LookupError`` when it no longer exists (or is ``None``)."""
        try:
            found: object = importlib.import_module(self.module)
        except ImportError as error:
            raise LookupError(str(self)) from error
        for name in self.attribute.split("."):
            found = getattr(found, name, None)
            if found is None:
                raise LookupError(str(self))
        if self.item is not None:
            try:
                found = found[self.item]  # type: ignore[index]
            except (KeyError, TypeError) as error:
                raise LookupError(str(self)) from error
        return found

    def exists(self) -> bool:
        """Whether the installed Wagtail/Django still has the symbol."""
        try:
            self.resolve()
        except LookupError:
            return False
        return True


@dataclass(frozen=True)
class Patch:
    """A patch: what it is for, the symbols it touches, and how to install it at start-up.

    ``install`` is ``None`` for what is relied on at request time (nothing to install).
    """

    name: str
    targets: tuple[Target, ...]
    install: Callable[[], None] | None = None

    def missing(self) -> list[Target]:
        """The targets the installed versions no longer have."""
        return [target for target in self.targets if not target.exists()]


# (filter set, filter name, scope): every user, site and workflow filter of Wagtail's admin
# listings and reports.
FILTER_SCOPES: tuple[tuple[str, str, Callable[[object], QuerySet]], ...] = (
    ("wagtail.admin.views.pages.listing.PageFilterSet", "owner", users_visible_to),
    ("wagtail.admin.views.pages.listing.PageFilterSet", "edited_by", users_visible_to),
    ("wagtail.admin.views.pages.listing.PageFilterSet", "site", sites_for_user),
    (
        "wagtail.admin.views.reports.locked_pages.LockedPagesReportFilterSet",
        "locked_by",
        users_visible_to,
    ),
    (
        "wagtail.admin.views.reports.workflows.WorkflowReportFilterSet",
        "requested_by",
        users_visible_to,
    ),
    (
        "wagtail.admin.views.reports.workflows.WorkflowReportFilterSet",
        "workflow",
        workflows_visible_to,
    ),
    (
        "wagtail.admin.views.reports.workflows.WorkflowTasksReportFilterSet",
        "workflow",
        workflows_visible_to,
    ),
    (
        "wagtail.admin.views.reports.workflows.WorkflowTasksReportFilterSet",
        "task",
        tasks_visible_to,
    ),
)


def _filter_target(filterset: str, name: str) -> Target:
    module, _dot, cls = filterset.rpartition(".")
    return Target(module, f"{cls}.base_filters", name)


def _default_of(filter_obj) -> Callable[[object], QuerySet]:
    original = filter_obj.queryset
    if callable(original):
        return original
    return lambda request: original.all()


def _scope_filter(
    filterset: str, name: str, scope: Callable[[object], QuerySet]
) -> Callable[[], None]:
    def install() -> None:
        filter_obj = _filter_target(filterset, name).resolve()
        filter_obj.queryset = scoped(_default_of(filter_obj), scope)

    return install


def _scope_site_history_users() -> None:
    from wagtail.admin.views.reports.audit_logging import (
        LogEntriesView,
        SiteHistoryReportFilterSet,
    )

    class TenantSiteHistoryReportFilterSet(SiteHistoryReportFilterSet):
        def get_users_queryset(self):
            return users_of_site_history(super().get_users_queryset(), self.request.user)

        class Meta(SiteHistoryReportFilterSet.Meta):
            pass

    LogEntriesView.filterset_class = TenantSiteHistoryReportFilterSet


def _scope_privacy_groups() -> None:
    from wagtail.admin.views.page_privacy import SetPrivacyView

    original_get_form = SetPrivacyView.get_form

    def get_form(self, form_class=None):
        form = original_get_form(self, form_class)
        form.fields["groups"].queryset = privacy_groups_for(self.page)
        return form

    SetPrivacyView.get_form = get_form


def _neutralise_export_cells() -> None:
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    from home.exports import neutralise_formula

    original = SpreadsheetExportMixin.preprocess_field_value

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(original(self, field, value, export_format))

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value


def _scope_popular_tags() -> None:
    from wagtail.admin.filters import BaseMediaFilterSet
    from wagtail.images.views.chooser import ImageChooseViewMixin

    from home.tag_tenancy import popular_tags_for

    original_init = BaseMediaFilterSet.__init__

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, is_searching=None):
        original_init(
            self, data, queryset, request=request, prefix=prefix, is_searching=is_searching
        )
        if "tag" in self.filters and request is not None and not request.user.is_superuser:
            tags = popular_tags_for(self._meta.model, request.user)
            if tags:
                self.filters["tag"].extra["choices"] = [(tag.name, tag.name) for tag in tags]
            else:
                del self.filters["tag"]

    original_context = ImageChooseViewMixin.get_context_data

    def get_context_data(self, **kwargs):
        context = original_context(self, **kwargs)
        context["popular_tags"] = popular_tags_for(self.model, self.request.user)
        return context

    BaseMediaFilterSet.__init__ = __init__
    ImageChooseViewMixin.get_context_data = get_context_data


SITE_COLUMNS = ("port", "site_name", "root_page")


def _label_site_columns() -> None:
    from django.utils.text import capfirst
    from wagtail.models import Site
    from wagtail.sites.views import IndexView

    for column in IndexView.columns:
        if column.name in SITE_COLUMNS:
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)


def _serve_sites_from_registry() -> None:
    from wagtail.models import sites

    from home import site_registry

    lookup = sites.get_site_for_hostname
    compute = sites.Site.get_site_root_paths
    clear = sites.Site.clear_site_root_paths_cache

    def get_site_for_hostname(hostname, port):
        return site_registry.site_for_hostname(lookup, hostname, port)

    def get_site_root_paths():
        return site_registry.site_root_paths(compute)

    def clear_site_root_paths_cache():
        clear()
        site_registry.site_list_changed()

    site_registry.remember_wagtail_clear(clear)
    sites.get_site_for_hostname = get_site_for_hostname
    sites.Site.get_site_root_paths = staticmethod(get_site_root_paths)
    sites.Site.clear_site_root_paths_cache = staticmethod(clear_site_root_paths_cache)


def patches() -> list[Patch]:
    """Every patch of this module, in the order :func:`apply` installs them."""
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    return [
        *(
            Patch(
                f"{filterset.rpartition('.')[2]} filter {name} offers the user's institutions",
                (_filter_target(filterset, name),),
                _scope_filter(filterset, name, scope),
            )
            for filterset, name, scope in FILTER_SCOPES
        ),
        Patch(
            "site history user filter offers colleagues only",
            (
                Target(
                    "wagtail.admin.views.reports.audit_logging", "LogEntriesView.filterset_class"
                ),
                Target(
                    "wagtail.admin.views.reports.audit_logging",
                    "SiteHistoryReportFilterSet.get_users_queryset",
                ),
            ),
            _scope_site_history_users,
        ),
        Patch(
            "page privacy offers the institution's groups only",
            (
                Target("wagtail.admin.views.page_privacy", "SetPrivacyView.get_form"),
                Target(
                    "wagtail.admin.forms.pages", "PageViewRestrictionForm.base_fields", "groups"
                ),
            ),
            _scope_privacy_groups,
        ),
        Patch(
            "spreadsheet exports write formulas as text",
            (
                Target(
                    "wagtail.admin.views.mixins",
                    "SpreadsheetExportMixin.preprocess_field_value",
                ),
            ),
            _neutralise_export_cells,
        ),
        Patch(
            "popular tags count the user's institutions' media only",
            (
                Target("wagtail.admin.filters", "BaseMediaFilterSet.__init__"),
                Target("wagtail.admin.filters", "popular_tags_for_model"),
                Target("wagtail.images.views.chooser", "ImageChooseViewMixin.get_context_data"),
            ),
            _scope_popular_tags,
        ),
        Patch(
            "sites listing headings are translated",
            (Target("wagtail.sites.views", "IndexView.columns"),),
            _label_site_columns,
        ),
        Patch(
            "site lookups and root paths come from the process's current site list",
            (
                Target("wagtail.models.sites", "get_site_for_hostname"),
                Target("wagtail.models.sites", "Site._find_for_request"),
                Target("wagtail.models.sites", "Site.get_site_root_paths"),
                Target("wagtail.models.sites", "Site.clear_site_root_paths_cache"),
            ),
            _serve_sites_from_registry,
        ),
        Patch(
            "admin time zone defaults to the institution's",
            (
                Target(user_model.__module__, f"{user_model.__name__}.wagtail_userprofile"),
                Target("wagtail.users.models", "UserProfile.get_for_user"),
                Target("wagtail.users.models", "UserProfile.current_time_zone"),
                Target("wagtail.users.models", "UserProfile.get_current_time_zone"),
                Target("wagtail.admin.localization", "get_localized_response"),
            ),
        ),
        Patch(
            "SOP publication publishes at once",
            (
                Target("wagtail.models", "Revision.content"),
                Target("wagtail.models", "Revision.as_object"),
                Target("wagtail.models", "Page.go_live_at"),
            ),
        ),
    ]


def install(patch_list: Iterable[Patch]) -> list[Patch]:
    """Install each start-up patch of ``patch_list``; returns those skipped.

    A patch whose targets are missing is skipped and logged, never half-applied; the system
    check then stops start-up naming the missing symbol.
    """
    skipped = []
    for patch in patch_list:
        if patch.install is None:
            continue
        if missing := patch.missing():
            logger.error("Not applied: %s (missing %s)", patch.name, ", ".join(map(str, missing)))
            skipped.append(patch)
            continue
        patch.install()
    return skipped


_applied = False


def apply() -> None:
    """Install every start-up patch of :func:`patches`, once (from ``HomeConfig.ready()``)."""
    global _applied
    if not _applied:
        _applied = True
        install(patches())


def installed_versions() -> dict[str, str]:
    """The installed versions, keyed like :data:`CHECKED_AGAINST`."""
    return {"Wagtail": wagtail.__version__, "Django": django.__version__}


def _versions(versions: dict[str, str]) -> str:
    return " and ".join(f"{name} {version}" for name, version in versions.items())


def check_patch_targets(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """System check: an ``Error`` (``home.E001``) for each patched symbol that no longer exists,
    a ``Warning`` (``home.W001``) when Wagtail or Django is not the release checked against."""
    installed = installed_versions()
    messages: list[checks.CheckMessage] = []
    for patch in patches():
        for target in patch.missing():
            messages.append(
                checks.Error(
                    f"{target} no longer exists; the patch '{patch.name}' needs it.",
                    hint=(
                        f"home/wagtail_patches.py was checked against "
                        f"{_versions(CHECKED_AGAINST)}; installed are {_versions(installed)}. "
                        "Find what replaced the symbol (or a public seam), move the patch, "
                        "and update the module's header."
                    ),
                    obj="home.wagtail_patches",
                    id="home.E001",
                )
            )
    outdated = {
        name: version
        for name, version in installed.items()
        if version.split(".")[:2] != CHECKED_AGAINST[name].split(".")[:2]
    }
    if outdated:
        messages.append(
            checks.Warning(
                f"home/wagtail_patches.py was checked against {_versions(CHECKED_AGAINST)}, "
                f"not {_versions(outdated)}.",
                hint="Re-read each symbol its header lists in the installed version, then "
                "update CHECKED_AGAINST.",
                obj="home.wagtail_patches",
                id="home.W001",
            )
        )
    return messages


def give_admin_time_zone(user, zone: str) -> None:
    """Make ``zone`` the admin's time zone of ``user`` for this request, unless the user chose
    one (the profile is not saved): patch 4 of the header."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    if not profile.current_time_zone:
        profile.current_time_zone = zone
    user.wagtail_userprofile = profile  # the instance Wagtail's admin views will read


def drop_go_live_at(revision) -> None:
    """The SOP says publish at once: the approved revision must not be scheduled (patch 5)."""
    if revision.content.get("go_live_at"):
        revision.content["go_live_at"] = None
        revision.save(update_fields=["content"])
