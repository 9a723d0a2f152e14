"""Syndications: the per-institution list, retry, and the "Media sosial" status of a page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permissions import policy_registry

from home.admin_views import TenantViewSetMixin
from home.tenancy import site_for_page, sites_for_user
from social_publish import delivery
from social_publish.models import Channel, LinkReport, Syndication, SyndicationState
from social_publish.views.mixins import PageBreadcrumbsMixin, check_instance


def syndication_policy():
    return policy_registry.get_by_type(Syndication)


class SyndicationIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("channel", "page")


class SyndicationInspectView(generic.InspectView):
    fields = [
        "page",
        "channel",
        "round",
        "state",
        "attempts",
        "permalink",
        "external_id",
        "last_error",
        "created_at",
        "started_at",
        "next_attempt_at",
        "sent_at",
    ]

    # Posts are records: the viewset registers no edit or delete view, so the inspect page
    # offers neither (Wagtail would build their buttons for a user who may "change", i.e. retry).
    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None


class RetryView(View):
    """POST: run a failed, parked or waiting syndication again now."""

    def post(self, request, pk: int):
        row = get_object_or_404(Syndication.objects.select_related("channel"), pk=pk)
        check_instance(syndication_policy(), request.user, "change", row)
        if delivery.retry_now(row, request.user):
            messages.success(request, _("The post will be tried again."))
        else:
            messages.warning(request, _("This post cannot be retried in its current state."))
        # Only a "next" on this host: never an open redirect to another site.
        next_url = get_valid_next_url_from_request(request)
        return redirect(next_url or "social_publish_syndications:index")


def page_for_user(user, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    site = site_for_page(page)
    if site is None or not sites_for_user(user).filter(pk=site.pk).exists():
        raise Http404
    return page, site


class PageStatusView(PageBreadcrumbsMixin, generic.base.WagtailAdminTemplateMixin, TemplateView):
    """The "Media sosial" panel of one page: each channel's state, link, retry, share again."""

    template_name = "social_publish/page_status.html"
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        self.page, self.site = page_for_user(request.user, kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Social media")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        policy = syndication_policy()
        rows = Syndication.objects.filter(page_id=self.page.pk).select_related("channel")
        can_act = policy.sites_for(self.request.user, "change").filter(pk=self.site.pk).exists()
        return {
            **super().get_context_data(**kwargs),
            "page": self.page,
            "rows": rows.order_by("-round", "channel__kind"),
            "reports": LinkReport.objects.filter(page_id=self.page.pk),
            "channels": Channel.objects.filter(site=self.site).exclude(status="disabled"),
            "can_act": can_act,
            "retryable": {
                SyndicationState.FAILED,
                SyndicationState.NEEDS_RECONNECT,
                SyndicationState.QUEUED,
                SyndicationState.UNKNOWN,
            },
        }


class ShareAgainView(View):
    """POST: a new share round on the chosen channels (explicit, never automatic)."""

    def post(self, request, page_id: int):
        page, site = page_for_user(request.user, page_id)
        policy = syndication_policy()
        if not policy.sites_for(request.user, "change").filter(pk=site.pk).exists():
            raise PermissionDenied
        if not page.live:
            messages.error(request, _("Only a live page can be shared."))
        else:
            channels = Channel.objects.filter(
                site=site, pk__in=request.POST.getlist("channel")
            ).exclude(status="disabled")
            rows = delivery.share_again(page, channels, request.user)
            message = ngettext(
                "Sharing again on %(count)d channel.",
                "Sharing again on %(count)d channels.",
                len(rows),
            )
            messages.success(request, message % {"count": len(rows)})
        return redirect("social_publish_syndications:page", page_id=page.pk)


class SyndicationViewSet(TenantViewSetMixin, ModelViewSet):
    model = Syndication
    name = "social_publish_syndications"
    url_prefix = "social/syndications"
    icon = "globe"
    menu_label = gettext_lazy("Posts")
    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False
    create_view_enabled = False
    form_fields = ["message"]
    list_filter = ["state", "channel__kind", "round"]
    index_view_class = SyndicationIndexView
    inspect_view_class = SyndicationInspectView
    # The viewset passes its own list to the view (empty = every field, the upload checkpoint
    # with YouTube's session URI included): the view's list, set here.
    inspect_view_fields = SyndicationInspectView.fields
    list_display = [
        Column("page", label=gettext_lazy("Page")),
        Column("channel", label=gettext_lazy("Channel")),
        StatusTagColumn(
            "state",
            label=gettext_lazy("State"),
            accessor="get_state_display",
            primary=lambda row: row.state == SyndicationState.SENT,
        ),
        Column("attempts", label=gettext_lazy("Attempts")),
        Column("permalink", label=gettext_lazy("Link")),
        Column("last_error", label=gettext_lazy("Last error")),
        DateColumn("updated_at", label=gettext_lazy("Updated")),
    ]

    def get_urlpatterns(self):
        # Only listing, inspecting and the explicit actions: rows are never edited by hand.
        return [
            p for p in super().get_urlpatterns() if p.name in {"index", "index_results", "inspect"}
        ] + [
            path("<int:pk>/retry/", RetryView.as_view(), name="retry"),
            path("page/<int:page_id>/", PageStatusView.as_view(), name="page"),
            path("page/<int:page_id>/share-again/", ShareAgainView.as_view(), name="share_again"),
        ]


def page_status_url(page) -> str:
    return reverse("social_publish_syndications:page", args=[page.pk])
