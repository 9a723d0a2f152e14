"""Channels: the list, editing, and connecting accounts (OAuth screens, CKAN token form, the
one-click rehearsal channel)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Site
from wagtail.permissions import policy_registry

from home.admin_views import TenantViewSetMixin
from home.models import InstitutionSettings
from social_publish import connect
from social_publish.health import check_channel
from social_publish.models import Channel, ChannelKind, ChannelStatus
from social_publish.views.mixins import check_instance

SESSION_KEY = "social_publish_oauth"


def channel_policy():
    return policy_registry.get_by_type(Channel)


def admin_sites(user) -> QuerySet[Site]:
    """The institutions whose channels ``user`` may manage (the channel policy decides)."""
    return channel_policy().sites_for(user, "change")


def require_admin(request) -> None:
    if not admin_sites(request.user).exists():
        raise PermissionDenied


def chosen_site_id(request) -> int:
    """The institution to connect for: ``?site=`` among the user's admin sites, else the first."""
    sites = admin_sites(request.user)
    wanted = request.GET.get("site") or request.POST.get("site")
    site = sites.filter(pk=wanted).first() if wanted else sites.order_by("pk").first()
    if site is None:
        raise PermissionDenied
    return site.pk


class PostHeaderButton(HeaderButton):
    """A header button that submits a small POST form to ``action``.

    The header renders its buttons without the request, so the CSRF token is taken when the
    button is made.
    """

    template_name = "social_publish/post_header_button.html"

    def __init__(
        self, label: str, action: str, *, request, fields: dict | None = None, **kwargs
    ) -> None:
        super().__init__(label, **kwargs)
        self.action, self.fields = action, fields or {}
        self.csrf_token = get_token(request)


def sites_without_sandbox(user) -> QuerySet[Site]:
    """The institutions ``user`` manages channels of that have no rehearsal channel yet."""
    return admin_sites(user).exclude(channels__kind=ChannelKind.SANDBOX).order_by("pk")


def sandbox_button(request) -> PostHeaderButton | None:
    """ "Connect the rehearsal channel" for the first of the user's institutions without one."""
    user = request.user
    site = sites_without_sandbox(user).first()
    if site is None:
        return None
    label = _("Connect the rehearsal channel")
    if admin_sites(user).count() > 1:  # operators: say which institution it is for
        name = InstitutionSettings.for_site(site).display_name
        label = _("Connect the rehearsal channel of %(institution)s") % {"institution": name}
    return PostHeaderButton(
        label,
        reverse("social_publish_channels:connect_sandbox"),
        request=request,
        fields={"site": site.pk},
        icon_name="link",
    )


class ChannelIndexView(generic.IndexView):
    @cached_property
    def header_buttons(self):
        if not admin_sites(self.request.user).exists():
            return []
        buttons = [
            HeaderButton(
                _("Connect %(platform)s") % {"platform": label},
                url=reverse("social_publish_channels:connect", args=[kind]),
                icon_name="link",
            )
            for kind, label in ChannelKind.choices
            if kind in connect.OAUTH_KINDS
        ]
        buttons.append(
            HeaderButton(
                _("Connect Portal Satu Data"),
                url=reverse("social_publish_channels:connect_ckan"),
                icon_name="link",
            )
        )
        sandbox = sandbox_button(self.request)
        if sandbox is not None:  # first: it needs no account, and the header row is narrow
            buttons.insert(0, sandbox)
        return buttons


#: What the inspect view shows. Never the token fields: the viewset passes its own (empty by
#: default, meaning "every field") list to the view, so the list is set on the viewset.
INSPECT_FIELDS = [
    "site",
    "kind",
    "name",
    "account_id",
    "status",
    "status_detail",
    "publish_by_default",
    "connected_by",
    "connected_at",
    "checked_at",
]
SECRET_FIELDS = ["access_token_encrypted", "refresh_token_encrypted"]


class ChannelInspectView(generic.InspectView):
    fields = INSPECT_FIELDS
    fields_exclude = SECRET_FIELDS

    def get_publish_by_default_display_value(self) -> str:
        """Ya/Tidak, not Python's True/False."""
        return _("Yes") if self.object.publish_by_default else _("No")


class ConnectView(View):
    """Send the admin to the platform's consent screen."""

    def get(self, request, kind: str):
        require_admin(request)
        if kind not in connect.OAUTH_KINDS:
            raise PermissionDenied
        site_id = chosen_site_id(request)
        callback = request.build_absolute_uri(
            reverse("social_publish_channels:callback", args=[kind])
        )
        url, flow = connect.start(kind, site_id, callback)
        request.session[SESSION_KEY] = flow.as_session()
        return redirect(url)


class ReconnectView(View):
    """Reconnect one channel: the same consent flow for its kind and institution."""

    def get(self, request, pk: int):
        channel = get_object_or_404(Channel, pk=pk)
        check_instance(channel_policy(), request.user, "change", channel)
        if channel.kind == ChannelKind.CKAN:
            url = reverse("social_publish_channels:connect_ckan")
        else:
            url = reverse("social_publish_channels:connect", args=[channel.kind])
        return redirect(f"{url}?site={channel.site_id}")


class CallbackView(View):
    """The platform sends the admin back here with ``code`` and ``state``."""

    def get(self, request, kind: str):
        require_admin(request)
        data = request.session.pop(SESSION_KEY, None)
        index = reverse("social_publish_channels:index")
        if not data or data.get("kind") != kind:
            messages.error(request, _("The connection request expired; try again."))
            return redirect(index)
        if data["site_id"] not in set(admin_sites(request.user).values_list("pk", flat=True)):
            raise PermissionDenied
        if request.GET.get("error"):
            messages.error(request, _("The connection was cancelled on the platform."))
            return redirect(index)
        try:
            channels = connect.finish(
                connect.Flow(**data),
                request.build_absolute_uri(),
                request.GET.get("state", ""),
                request.user,
            )
        except connect.ConnectError as error:
            messages.error(request, str(error))
            return redirect(index)
        names = ", ".join(str(c) for c in channels)
        messages.success(request, _("Connected: %(channels)s.") % {"channels": names})
        return redirect(index)


class CkanForm(forms.Form):
    base_url = forms.URLField(label=gettext_lazy("Portal address"), assume_scheme="https")
    organization = forms.CharField(label=gettext_lazy("Organisation (name or ID)"), max_length=255)
    api_token = forms.CharField(
        label=gettext_lazy("API token"), widget=forms.PasswordInput(render_value=False)
    )


class ConnectCkanView(generic.base.WagtailAdminTemplateMixin, FormView):
    form_class = CkanForm
    template_name = "social_publish/connect_ckan.html"
    page_title = gettext_lazy("Connect Portal Satu Data")
    header_icon = "link"

    def dispatch(self, request, *args, **kwargs):
        require_admin(request)
        self.site_id = chosen_site_id(request)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            channel = connect.connect_ckan(
                self.site_id, user=self.request.user, **form.cleaned_data
            )
        except connect.ConnectError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Connected: %(channels)s.") % {"channels": channel})
        return redirect("social_publish_channels:index")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "site_id": self.site_id}


class ConnectSandboxView(View):
    """POST: connect the institution's rehearsal channel (no platform account needed)."""

    def post(self, request):
        require_admin(request)
        site = Site.objects.get(pk=chosen_site_id(request))
        name = InstitutionSettings.for_site(site).display_name
        existed = Channel.objects.filter(site=site, kind=ChannelKind.SANDBOX).exists()
        connect.connect_sandbox(site, user=request.user)
        if existed:
            messages.info(
                request,
                _("%(institution)s already has the rehearsal channel; it is in the list below.")
                % {"institution": name},
            )
        else:
            messages.success(
                request,
                _(
                    "The rehearsal channel of %(institution)s is connected. Pages that go live "
                    "are posted to the rehearsal feed (Social media → Rehearsal feed), never "
                    "to a platform."
                )
                % {"institution": name},
            )
        return redirect("social_publish_channels:index")


class CheckView(View):
    """POST: validate a channel's credentials now."""

    def post(self, request, pk: int):
        channel = get_object_or_404(Channel, pk=pk)
        check_instance(channel_policy(), request.user, "change", channel)
        if check_channel(channel):
            messages.success(request, _("The channel's connection works."))
        else:
            messages.error(request, _("The channel needs reconnecting."))
        return redirect("social_publish_channels:index")


class ChannelViewSet(TenantViewSetMixin, ModelViewSet):
    model = Channel
    name = "social_publish_channels"
    url_prefix = "social/channels"
    icon = "link"
    menu_label = gettext_lazy("Channels")
    add_to_admin_menu = False
    form_fields = ["name", "publish_by_default", "status"]
    list_filter = ["kind", "status"]
    inspect_view_enabled = True
    inspect_view_fields = INSPECT_FIELDS
    inspect_view_fields_exclude = SECRET_FIELDS
    copy_view_enabled = False
    index_view_class = ChannelIndexView
    inspect_view_class = ChannelInspectView
    list_display = [
        "name",
        Column("kind", label=gettext_lazy("Platform"), accessor="platform_label"),
        Column("site", label=gettext_lazy("Institution")),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            primary=lambda c: c.status == ChannelStatus.ACTIVE,
        ),
        DateColumn("checked_at", label=gettext_lazy("Last checked")),
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("connect/ckan/", ConnectCkanView.as_view(), name="connect_ckan"),
            path("connect/sandbox/", ConnectSandboxView.as_view(), name="connect_sandbox"),
            path("connect/<slug:kind>/", ConnectView.as_view(), name="connect"),
            path("callback/<slug:kind>/", CallbackView.as_view(), name="callback"),
            path("<int:pk>/reconnect/", ReconnectView.as_view(), name="reconnect"),
            path("<int:pk>/check/", CheckView.as_view(), name="check"),
        ]
