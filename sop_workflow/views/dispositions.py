"""*Disposisi* in the admin: the list, giving one, and its page with the assignee's actions."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.models import Site

from home.admin_views import TenantViewSetMixin
from home.models import InstitutionRole
from home.tenancy import users_visible_to
from sop_workflow.models import Disposition, DispositionStatus
from sop_workflow.permissions import viewable
from sop_workflow.records import dispositions
from sop_workflow.timekeeping import disposition_steps


class DispositionForm(WagtailAdminModelForm):
    """Activity, material, deadline and assignee, chosen among the institution's own people."""

    class Meta:
        model = Disposition
        fields = ["site", "activity", "material", "deadline", "assignee_role", "assignee_user"]
        widgets = {"deadline": AdminDateTimeInput}

    def __init__(self, *args, for_user=None, parent: Disposition | None = None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.parent = parent
        sites = dispositions.instructing_sites(for_user)
        if parent is not None:
            sites = Site.objects.filter(pk=parent.site_id)
            for name in ("activity", "material", "deadline"):
                self.fields[name].initial = getattr(parent, name)
        self.fields["site"].queryset = sites
        self.fields["site"].empty_label = None
        if sites.count() == 1:
            self.fields["site"].widget = forms.HiddenInput()
            self.fields["site"].initial = sites.get().pk
        roles = InstitutionRole.objects.filter(site__in=sites)
        self.chain_step = (
            dispositions.next_in_chain(sites.get(), parent) if sites.count() == 1 else None
        )
        if self.chain_step is not None:  # the SOP's order: only the next step's actors
            roles = roles.filter(key__in=self.chain_step.roles)
            names = ", ".join(roles.values_list("name", flat=True))
            self.fields["assignee_role"].help_text = _(
                "The SOP's step %(step)s: the disposition goes to %(roles)s."
            ) % {"step": self.chain_step.number, "roles": names}
        self.fields["assignee_role"].queryset = roles
        self.fields["assignee_role"].label_from_instance = lambda role: role.name
        self.fields["assignee_user"].queryset = (
            users_visible_to(for_user)
            .filter(groups__institution_role__in=roles, is_active=True)
            .distinct()
            .order_by("first_name", "username")
        )
        self.fields["assignee_user"].label_from_instance = dispositions.display_name

    def clean_deadline(self):
        deadline = self.cleaned_data.get("deadline")
        if deadline and deadline < timezone.now():
            raise ValidationError(_("The deadline has already passed; choose a later time."))
        return deadline

    def clean(self):
        cleaned = super().clean()
        site, role, user = (cleaned.get(k) for k in ("site", "assignee_role", "assignee_user"))
        if site and role and role.site_id != site.pk:
            self.add_error("assignee_role", _("This role belongs to another institution."))
        if site and user and not user.groups.filter(institution_role__site=site).exists():
            self.add_error("assignee_user", _("This person does not work for the institution."))
        step = dispositions.next_in_chain(site, self.parent) if site else None
        if step is not None:
            self._check_chain_order(site, step, role, user)
        return cleaned

    def _check_chain_order(self, site, step, role, user) -> None:
        """The assignee acts in the chain's next step (Bunder: Ketua PPID → Seksi → Admin)."""
        roles = InstitutionRole.objects.filter(site=site, key__in=step.roles)
        names = ", ".join(roles.values_list("name", flat=True))
        values = {"step": step.number, "roles": names}
        message = _(
            "The SOP's step %(step)s is done by %(roles)s: choose that role or one of its people."
        )
        if role is not None and role.key not in step.roles:
            self.add_error("assignee_role", message % values)
        held = user.groups.filter(institution_role__key__in=step.roles) if user else None
        if user is not None and not held.exists():
            self.add_error("assignee_user", message % values)


class DispositionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("site", "assigned_by", "assignee_role", "assignee_user", "page")
        )


class DispositionCreateView(generic.CreateView):
    """Give a disposition, or (``?parent=``) pass one on as its assignee."""

    @cached_property
    def parent(self) -> Disposition | None:
        pk = self.request.GET.get("parent")
        if not pk:
            return None
        parent = get_object_or_404(
            self.permission_policy.instances_user_has_any_permission_for(
                self.request.user, ["view"]
            ),
            pk=pk,
        )
        dispositions.require_assignee(self.request.user, parent)
        return parent

    def user_has_permission(self, permission):
        return self.parent is not None or super().user_has_permission(permission)

    def dispatch(self, request, *args, **kwargs):
        parent = self.parent
        if parent is not None and dispositions.chain_has_ended(parent.site_id, parent):
            messages.error(
                request,
                _(
                    "In the SOP you write the draft from this disposition; it is not passed on "
                    "further. Use “Write the news draft”."
                ),
            )
            return redirect("sop_workflow_dispositions:inspect", parent.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "parent": self.parent}

    def get_add_url(self):
        url = super().get_add_url()
        return f"{url}?parent={self.parent.pk}" if self.parent else url

    def get_page_subtitle(self):
        return self.parent.activity if self.parent else super().get_page_subtitle()

    def save_instance(self):
        instance = self.form.save(commit=False)
        if self.parent is not None:
            return dispositions.pass_on(self.parent, instance, self.request.user)
        instance.assigned_by = self.request.user
        instance.save()
        dispositions.queue_notification(instance)
        return instance

    def get_success_message(self, instance):
        return _("Disposition given to %(assignee)s.") % {"assignee": instance.assignee}

    def get_success_buttons(self):
        return []

    def get_success_url(self):
        return reverse("sop_workflow_dispositions:inspect", args=[self.object.pk])


class DispositionInspectView(generic.InspectView):
    template_name = "sop_workflow/dispositions/inspect.html"
    fields = []  # the template shows the disposition and its chain as people read them

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        disposition = self.object
        may_act = disposition.is_open and dispositions.is_assignee(self.request.user, disposition)
        ended = dispositions.chain_has_ended(disposition.site_id, disposition)
        in_chain = bool(dispositions.instruction_chain(disposition.site_id))
        may_draft = may_act and (ended or not in_chain)
        chain = disposition.chain()
        page = dispositions.page_of_chain(disposition)
        published = disposition.status == DispositionStatus.PUBLISHED
        context.update(
            {
                "may_act": may_act,
                # the SOP's order: earlier steps pass it on, the chain's last one drafts
                "may_forward": may_act and not ended,
                "may_draft": may_draft,
                "forward_url": reverse("sop_workflow_dispositions:add")
                + f"?parent={disposition.pk}",
                "draft_url": reverse("sop_workflow_dispositions:draft", args=[disposition.pk]),
                "link_url": reverse("sop_workflow_dispositions:link", args=[disposition.pk]),
                "drafts": (  # only the drafting step links a draft
                    dispositions.linkable_drafts(disposition, self.request.user)
                    if may_draft
                    else []
                ),
                "chain": chain,
                "step_rows": disposition_steps.rows(disposition),
                "page_url": page.full_url if page is not None and published else "",
            }
        )
        return context


class WriteDraftView(View):
    """POST: the assignee starts the news draft from the disposition and goes to its editor."""

    def post(self, request, pk: int):
        disposition = get_object_or_404(viewable(Disposition, request.user), pk=pk)
        try:
            page = dispositions.write_draft(disposition, request.user)
        except PermissionDenied as error:
            messages.error(request, str(error))
            return redirect("sop_workflow_dispositions:inspect", pk)
        messages.success(
            request,
            _("The draft “%(title)s” was written from the disposition.") % {"title": page.title},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)


class LinkDraftView(View):
    """POST ``page``: the assignee links a draft already written to the disposition."""

    def post(self, request, pk: int):
        disposition = get_object_or_404(viewable(Disposition, request.user), pk=pk)
        try:
            page_id = int(request.POST.get("page", ""))
        except ValueError:
            messages.error(request, _("Choose the draft to link to this disposition."))
            return redirect("sop_workflow_dispositions:inspect", pk)
        try:
            page = dispositions.link_draft(disposition, page_id, request.user)
        except PermissionDenied as error:
            messages.error(request, str(error))
            return redirect("sop_workflow_dispositions:inspect", pk)
        messages.success(
            request,
            _("The draft “%(title)s” now answers this disposition; submit it from the editor.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect("sop_workflow_dispositions:inspect", pk)


def _deadline_text(disposition: Disposition) -> str:
    """The deadline as a date and time (a relative "in 2 days" reads wrong for the future)."""
    if disposition.deadline is None:
        return "—"
    return date_format(timezone.localtime(disposition.deadline), "j M Y H:i")


def _deadline_status(disposition: Disposition) -> str:
    if not disposition.is_open or disposition.deadline is None:
        return disposition.get_status_display()
    if disposition.deadline < timezone.now():
        return _("Overdue")
    return disposition.get_status_display()


class DispositionViewSet(TenantViewSetMixin, ModelViewSet):
    model = Disposition
    name = "sop_workflow_dispositions"
    url_prefix = "sop/dispositions"
    icon = "mail"
    menu_label = gettext_lazy("Dispositions")
    menu_order = 260
    add_to_admin_menu = True
    form_fields = DispositionForm._meta.fields
    list_filter = ["status"]
    search_fields = ["activity", "material"]
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = DispositionIndexView
    add_view_class = DispositionCreateView
    inspect_view_class = DispositionInspectView
    list_display = [
        "activity",
        Column("assignee", label=gettext_lazy("Assigned to")),
        Column("assigned_by", label=gettext_lazy("Given by")),
        Column("deadline", label=gettext_lazy("Deadline"), accessor=_deadline_text),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor=_deadline_status,
            primary=lambda d: d.status != DispositionStatus.OPEN,
        ),
    ]

    def get_form_class(self, for_update=False):
        return DispositionForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/draft/", WriteDraftView.as_view(), name="draft"),
            path("<int:pk>/link/", LinkDraftView.as_view(), name="link"),
        ]
