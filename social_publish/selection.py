"""Which channels a page goes to, and who receives its link report.

Other apps decide through Wagtail hooks, without this app importing them:

* ``social_publish_channel_selector``: ``func(page=, revision=, site=, channels=)`` returns the
  chosen channels (a subset of ``channels``, the institution's usable channels) or ``None`` to
  let the next hook decide; the institution's default channels come last.
* ``social_publish_channel_limit``: ``func(site=)`` returns the channel kinds the defaults are
  limited to, or ``None`` for no limit; every limit applies.
* ``social_publish_report_recipients``: ``func(site=)`` returns role keys or ``None`` to let
  the next hook decide; the institution's admin and leadership roles come last.

Hooks are asked in Wagtail's hook order (``hooks.register(name, order=…)``). ``sop_workflow``
registers the SOP's platform choice (Bunder step 7), the fixed ``channels`` of the SOP's
publication steps (DPMK and Ketapang publish on the website only) and the SOP's
``link_report_to`` roles (:mod:`sop_workflow.channels`).

The rehearsal channel (*Uji coba*) stands in for the platforms an institution trains on: it
receives every page that goes live (unless it is disabled or not "publish by default"),
whatever the choice and the limits say, and it posts nowhere.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from wagtail import hooks

from home.models import InstitutionRole
from social_publish.models import Channel, ChannelKind, ChannelStatus

CHANNEL_SELECTOR_HOOK = "social_publish_channel_selector"
CHANNEL_LIMIT_HOOK = "social_publish_channel_limit"
REPORT_RECIPIENTS_HOOK = "social_publish_report_recipients"


def usable_channels(site):
    """The channels of ``site`` that are not disabled."""
    return Channel.objects.filter(site=site).exclude(status=ChannelStatus.DISABLED)


def chosen_channels(page, revision, site) -> tuple[list[Channel], bool]:
    """The channels for ``page`` and whether they were chosen explicitly (not defaults).

    The institution's rehearsal channel is always among them (see the module's docstring).
    """
    chosen, explicit = _selected_channels(page, revision, site)
    rehearsal = usable_channels(site).filter(kind=ChannelKind.SANDBOX, publish_by_default=True)
    picked = {channel.pk for channel in chosen}
    return [*chosen, *(c for c in rehearsal if c.pk not in picked)], explicit


def _selected_channels(page, revision, site) -> tuple[list[Channel], bool]:
    """The channels the hooks (or the institution's defaults) choose for ``page``."""
    for selector in hooks.get_hooks(CHANNEL_SELECTOR_HOOK):
        chosen = selector(page=page, revision=revision, site=site, channels=usable_channels(site))
        if chosen is not None:
            return [c for c in chosen if c.site_id == site.pk], True
    defaults = usable_channels(site).filter(publish_by_default=True)
    for limit in hooks.get_hooks(CHANNEL_LIMIT_HOOK):
        kinds = limit(site=site)
        if kinds is not None:
            defaults = defaults.filter(kind__in=list(kinds))
    return list(defaults), False


def report_role_keys(site) -> list[str]:
    """The role keys that receive the link report of ``site``."""
    for selector in hooks.get_hooks(REPORT_RECIPIENTS_HOOK):
        keys = selector(site=site)
        if keys is not None:
            return list(keys)
    return list(
        InstitutionRole.objects.filter(site=site, is_admin=True).values_list("key", flat=True)
    ) + list(
        InstitutionRole.objects.filter(site=site, is_leadership=True, is_admin=False).values_list(
            "key", flat=True
        )
    )


def users_in_roles(site, role_keys: Iterable[str]):
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__institution_role__site=site,
            groups__institution_role__key__in=list(role_keys),
        )
        .exclude(email="")
        .distinct()
    )


def institution_admins(site):
    keys = InstitutionRole.objects.filter(site=site, is_admin=True).values_list("key", flat=True)
    return users_in_roles(site, keys)
