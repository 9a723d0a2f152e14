"""The "Media sosial" composer of a page: one editable, checked message per chosen channel."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView
from wagtail.admin.views import generic

from social_publish import composer
from social_publish.views.mixins import PageBreadcrumbsMixin
from social_publish.views.syndications import page_for_user, page_status_url


def counter_texts() -> dict[str, str]:
    return {
        "limit": _("%(count)s of %(limit)s characters"),
        "over": _("%(count)s of %(limit)s characters: %(over)s too many"),
        "plain": _("%(count)s characters"),
    }


def counter_text(entry: composer.ChannelMessage) -> str:
    texts, count, limit = counter_texts(), entry.length, entry.limit
    if not limit:
        return texts["plain"] % {"count": count}
    if count > limit:
        return texts["over"] % {"count": count, "limit": limit, "over": count - limit}
    return texts["limit"] % {"count": count, "limit": limit}


class MessagesForm(forms.Form):
    """A message (and for YouTube a title) per channel, checked by the channel's adapter."""

    def __init__(self, *args, entries: list[composer.ChannelMessage], post, **kwargs):
        super().__init__(*args, **kwargs)
        self.entries, self.post = entries, post
        for entry in entries:
            self.add_fields(entry)

    def add_fields(self, entry: composer.ChannelMessage) -> None:
        pk = entry.channel.pk
        described = f"social-counter-{pk} social-notes-{pk}"
        if entry.title_limit:
            self.fields[f"title_{pk}"] = forms.CharField(
                label=_("Video title on %(channel)s") % {"channel": entry.channel},
                initial=entry.title,
                required=False,
                widget=forms.TextInput(attrs={"maxlength": 255}),
            )
        self.fields[f"text_{pk}"] = forms.CharField(
            label=_("Message on %(channel)s") % {"channel": entry.channel},
            initial=entry.text,
            required=False,
            help_text=_("Leave empty to use the generated message."),
            widget=forms.Textarea(
                attrs={
                    "rows": 7,
                    "aria-describedby": described,
                    "data-social-counter": f"social-counter-{pk}",
                    "data-limit": entry.limit,
                    "data-url-weight": entry.url_weight,
                }
            ),
        )

    def clean(self):
        data = super().clean()
        for entry in self.entries:
            pk = entry.channel.pk
            entry.text = (data.get(f"text_{pk}") or "").strip() or entry.default_text
            if entry.title_limit:
                entry.title = (data.get(f"title_{pk}") or "").strip() or entry.default_title
                for problem in composer.check_title(entry.provider, entry.title):
                    self.add_error(f"title_{pk}", problem)
            problems = composer.check(entry.provider, entry.text, self.post, entry.applies)
            for problem in problems:
                self.add_error(f"text_{pk}", problem)
        return data


class MessagesView(PageBreadcrumbsMixin, generic.base.WagtailAdminTemplateMixin, FormView):
    """Edit the social media messages of a page before (or after) it goes live."""

    template_name = "social_publish/page_messages.html"
    header_icon = "globe"
    form_class = MessagesForm

    def dispatch(self, request, *args, **kwargs):
        self.page, self.site = page_for_user(request.user, kwargs["page_id"])
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.share_post, self.entries = composer.compose(self.page, self.site)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Social media messages")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "entries": self.entries, "post": self.share_post}

    def form_valid(self, form):
        composer.save(self.page, form.entries, self.request.user)
        messages.success(self.request, _("The social media messages were saved."))
        return redirect(reverse("social_publish_messages", args=[self.page.pk]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        rows = [
            {
                "entry": entry,
                "text": form[f"text_{entry.channel.pk}"],
                "title": form[f"title_{entry.channel.pk}"] if entry.title_limit else None,
                "counter": counter_text(entry),
            }
            for entry in self.entries
        ]
        return {
            **context,
            "page": self.page,
            "rows": rows,
            "counter_texts": counter_texts(),
            "status_url": page_status_url(self.page),
        }
