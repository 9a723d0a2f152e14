"""The rehearsal feed (*Uji coba*): the posts of the institution's rehearsal channel, newest
first, each with its permalink anchor, the page it came from and the message as posted."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from home.admin_views import VISIBLE, TenantViewSetMixin
from social_publish.models import SANDBOX_LABEL, SandboxPost


def sandbox_policy():
    return policy_registry.get_by_type(SandboxPost)


def visible_posts(user):
    """The rehearsal posts ``user`` may see (their institutions' only), newest first."""
    return (
        sandbox_policy()
        .instances_user_has_any_permission_for(user, VISIBLE)
        .order_by("-created", "-pk")
    )


class SandboxFeedView(generic.IndexView):
    """The feed: one article per post, newest first, paginated."""

    results_template_name = "social_publish/sandbox_feed_results.html"
    paginate_by = 20
    default_ordering = ["-created", "-pk"]
    page_title = gettext_lazy("Rehearsal feed")

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("channel", "channel__site", "page")

    def get_valid_orderings(self):
        return [*super().get_valid_orderings(), "-created", "created"]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "sandbox_label": SANDBOX_LABEL}


class SandboxPermalinkView(View):
    """A post's permalink: the feed page that shows it, scrolled to the post (404 outside the
    user's institutions)."""

    def get(self, request, pk: int):
        posts = visible_posts(request.user)
        post = posts.filter(pk=pk).first()
        if post is None:
            raise Http404
        newer = posts.filter(Q(created__gt=post.created) | Q(created=post.created, pk__gt=post.pk))
        page = newer.count() // SandboxFeedView.paginate_by + 1
        index = reverse("social_publish_sandbox:index")
        return redirect(f"{index}?p={page}#{post.anchor}")


class SandboxFeedViewSet(TenantViewSetMixin, ModelViewSet):
    model = SandboxPost
    name = "social_publish_sandbox"
    url_prefix = "social/sandbox"
    icon = "clipboard-list"
    menu_label = gettext_lazy("Rehearsal feed")
    add_to_admin_menu = False
    create_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["message"]
    index_view_class = SandboxFeedView

    def get_urlpatterns(self):
        # A feed to read: no adding, editing or deleting of rehearsal posts.
        return [p for p in super().get_urlpatterns() if p.name in {"index", "index_results"}] + [
            path("posts/<int:pk>/", SandboxPermalinkView.as_view(), name="post"),
        ]


def feed_url() -> str:
    return reverse("social_publish_sandbox:index")
