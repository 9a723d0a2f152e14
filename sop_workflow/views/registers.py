"""The intake register (*buku agenda*) in the admin: every registered item, searchable."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext, gettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from home.admin_views import TenantViewSetMixin
from sop_workflow.models import IntakeRegisterEntry


class IntakeRegisterIndexView(generic.IndexView):
    @cached_property
    def header_buttons(self):
        """ "Print the register" for the year filtered (this year without a filter)."""
        year = self.request.GET.get("year", "")
        year = int(year) if year.isdigit() else timezone.localdate().year
        url = reverse("sop_workflow:agenda_print", args=[year])
        label = gettext("Print the %(year)s register") % {"year": year}
        return [*super().header_buttons, HeaderButton(label, url=url, icon_name="doc-full")]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("site", "registered_by", "page")

    def search_queryset(self, queryset):
        """A query like ``007/2025`` finds that agenda number; anything else searches titles."""
        number, _slash, year = (self.search_query or "").strip().partition("/")
        if number.isdigit() and (not year or year.isdigit()):
            found = queryset.filter(number=int(number))
            return found.filter(year=int(year)) if year else found
        return super().search_queryset(queryset)


class IntakeRegisterViewSet(TenantViewSetMixin, ModelViewSet):
    model = IntakeRegisterEntry
    name = "sop_workflow_intake_register"
    url_prefix = "sop/intake-register"
    icon = "list-ol"
    menu_label = gettext_lazy("Intake register")
    add_to_admin_menu = False
    search_fields = ["title"]
    list_filter = ["year", "news_type"]
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = IntakeRegisterIndexView
    form_fields = ["title"]  # required by ModelViewSet; nobody may add or edit (policy)
    list_display = [
        Column("agenda_number", label=gettext_lazy("Agenda number"), sort_key="number"),
        DateColumn("registered_at", label=gettext_lazy("Date")),
        Column("news_type", label=gettext_lazy("News type"), accessor="news_type_label"),
        "title",
        Column("site", label=gettext_lazy("Institution")),
    ]
    list_export = [
        "agenda_number",
        "registered_at",
        "news_type_label",
        "title",
        "registered_by_name",
        "site",
    ]
    export_headings = {
        "agenda_number": gettext_lazy("Agenda number"),
        "registered_at": gettext_lazy("Date"),
        "news_type_label": gettext_lazy("News type"),
        "title": gettext_lazy("Title"),
        "registered_by_name": gettext_lazy("Registered by"),
        "site": gettext_lazy("Institution"),
    }
    export_filename = "buku-agenda"
    inspect_view_fields = [
        "agenda_number",
        "registered_at",
        "news_type",
        "title",
        "page",
        "registered_by",
        "site",
    ]
