"""Which channels a page goes to, and who receives its link report.

Other apps plug in without this app importing them:

* ``register_channel_selector(func)``: ``func(page=, revision=, site=)`` returns the chosen
  channels (an iterable of :class:`Channel`) or ``None`` to let the next selector decide. The
  last registered selector is asked first; the institution's default channels come last.
* ``register_channel_limit(func)``: ``func(site=)`` returns the channel kinds the defaults are
  limited to, or ``None`` for no limit.
* ``register_report_recipients(func)``: ``func(site=)`` returns role keys or ``None``.

Built in: the SOP's platform choice (``sop_workflow.PlatformChoice``, Bunder step 7), the fixed
``channels`` of the SOP's publication steps (DPMK and Ketapang publish on the website only), and
the SOP's ``link_report_to`` roles, read through the app registry when that app is installed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.apps import apps
from django.contrib.auth import get_user_model

from home.models import InstitutionRole
from home.vocabulary import CHANNEL_KEYS, ChannelName
from social_publish.models import Channel, ChannelKind, ChannelStatus

ChannelSelector = Callable[..., Iterable[Channel] | None]
RecipientSelector = Callable[..., Iterable[str] | None]

_channel_selectors: list[ChannelSelector] = []
_channel_limits: list[Callable[..., Iterable[str] | None]] = []
_recipient_selectors: list[RecipientSelector] = []

#: SOP channel names → channel kinds ("website" is the page itself; Satu Data is a CKAN portal).
SOP_CHANNEL_KINDS = {
    **{name: name for name in CHANNEL_KEYS if name in ChannelKind.values},
    ChannelName.SATU_DATA.value: ChannelKind.CKAN.value,
}


def register_channel_selector(func: ChannelSelector) -> ChannelSelector:
    """Register a channel selector (usable as a decorator)."""
    _channel_selectors.append(func)
    return func


def register_channel_limit(func: Callable[..., Iterable[str] | None]) -> Callable:
    """Register a limit on the default channels (usable as a decorator)."""
    _channel_limits.append(func)
    return func


def register_report_recipients(func: RecipientSelector) -> RecipientSelector:
    """Register a link-report recipient selector (usable as a decorator)."""
    _recipient_selectors.append(func)
    return func


def unregister(func: Callable) -> None:
    for registry in (_channel_selectors, _channel_limits, _recipient_selectors):
        if func in registry:
            registry.remove(func)


def usable_channels(site):
    return Channel.objects.filter(site=site).exclude(status=ChannelStatus.DISABLED)


def chosen_channels(page, revision, site) -> tuple[list[Channel], bool]:
    """The channels for ``page`` and whether they were chosen explicitly (not defaults)."""
    for selector in reversed(_channel_selectors):
        chosen = selector(page=page, revision=revision, site=site)
        if chosen is not None:
            return [c for c in chosen if c.site_id == site.pk], True
    defaults = usable_channels(site).filter(publish_by_default=True)
    for limit in _channel_limits:
        kinds = limit(site=site)
        if kinds is not None:
            defaults = defaults.filter(kind__in=list(kinds))
    return list(defaults), False


def sop_platform_choice(*, page, revision, site) -> list[Channel] | None:
    """The platforms chosen in the SOP's platform-choice step, when there was one."""
    try:
        model = apps.get_model("sop_workflow", "PlatformChoice")
    except LookupError:
        return None
    choices = model.objects.filter(page_id=page.pk).order_by("-chosen_at", "-pk")
    choice = choices.filter(revision=revision).first() or choices.first()
    if choice is None:
        return None
    kinds = {SOP_CHANNEL_KINDS[name] for name in choice.channels if name in SOP_CHANNEL_KINDS}
    return list(usable_channels(site).filter(kind__in=kinds))


register_channel_selector(sop_platform_choice)


def _current_sop(site):
    try:
        model = apps.get_model("sop_workflow", "InstalledSop")
    except LookupError:
        return None
    return model.objects.filter(site=site, is_current=True).first()


def sop_fixed_channels(*, site) -> list[str] | None:
    """The channel kinds the SOP's publication and after-publication steps name (``channels``),
    or ``None`` when they name none (then every default channel is used)."""
    installed = _current_sop(site)
    if installed is None:
        return None
    steps = [
        s for s in installed.definition.steps if s.kind in ("publication", "after_publication")
    ]
    names = {name for step in steps for name in step.channels}
    if not names:
        return None
    return sorted(SOP_CHANNEL_KINDS[name] for name in names if name in SOP_CHANNEL_KINDS)


register_channel_limit(sop_fixed_channels)


def report_role_keys(site) -> list[str]:
    for selector in reversed(_recipient_selectors):
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


def sop_link_report_roles(*, site) -> list[str] | None:
    """The roles the current SOP's link-report step names (``link_report_to``)."""
    installed = _current_sop(site)
    if installed is None:
        return None
    keys = [k for step in installed.definition.steps for k in step.link_report_to]
    return list(dict.fromkeys(keys)) or None


register_report_recipients(sop_link_report_roles)


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
