"""*Disposisi*: who may give, see and carry out one; passing it on; turning it into a draft.

* Given by the roles that act in the SOP's ``instruction`` steps, and by leadership roles (a
  superior may assign coverage under any SOP).
* Seen by the members of its institution; operators see every institution's.
* Carried out by its assignee: the person, or any member of the role. Carrying out is passing
  it on to someone else of the institution (Bunder step 2) or writing the draft (step 3).
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django_q.tasks import async_task
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Site

from home.models import NewsIndexPage, NewsPage
from home.permissions import LEADERSHIP, MEMBER, InstitutionPermissionPolicy
from home.staff.handover import HandoverItem, HandoverSection
from home.tenancy import institution_time_zone, sites_for_user
from sop_workflow.definition import Kind, load_definition
from sop_workflow.models import Disposition, DispositionStatus, InstalledSop
from sop_workflow.models.disposition import CLOSED

INSTRUCTION = "instruction"
LEAD_LENGTH = 300


def instruction_role_keys(site: Site) -> frozenset[str]:
    """Keys of the roles that act in the current SOP's instruction steps."""
    row = (
        InstalledSop.objects.filter(site=site, is_current=True)
        .values_list("definition_hash", "definition_text", "key")
        .first()
    )
    return _instruction_keys(*row) if row else frozenset()


@functools.lru_cache(maxsize=256)
def _instruction_keys(definition_hash: str, text: str, key: str) -> frozenset[str]:
    """Parsed once per definition version (the hash names the text)."""
    steps = load_definition(text, file=f"{key}.toml").steps_of(Kind.PREPARATION)
    return frozenset(k for step in steps if step.action == INSTRUCTION for k in step.actor)


@dataclass(frozen=True)
class ChainStep:
    """A step of the SOP's instruction chain: who acts in it (``roles``, their keys)."""

    number: int
    roles: frozenset[str]


def instruction_chain(site: Site | int) -> tuple[ChainStep, ...]:
    """The SOP's instruction chain in its order: the instruction steps, then the drafting step
    that answers them (Bunder: 1 Ketua PPID → 2 Seksi → 3 Admin Medsos); empty without one."""
    row = (
        InstalledSop.objects.filter(site=site, is_current=True)
        .values_list("definition_hash", "definition_text", "key")
        .first()
    )
    return _chain(*row) if row else ()


@functools.lru_cache(maxsize=256)
def _chain(definition_hash: str, text: str, key: str) -> tuple[ChainStep, ...]:
    steps = load_definition(text, file=f"{key}.toml").steps_of(Kind.PREPARATION)
    chain = []
    for step in steps:
        if step.action == INSTRUCTION:
            chain.append(ChainStep(step.number, frozenset(step.actor)))
        elif chain:
            chain.append(ChainStep(step.number, frozenset(step.actor)))
            break
    return tuple(chain) if len(chain) > 1 else ()


def depth_of(disposition: Disposition | None) -> int:
    """How many instructions came before ``disposition`` in its chain (its root: 0)."""
    depth = 0
    while disposition is not None and disposition.parent_id:
        depth, disposition = depth + 1, disposition.parent
    return depth


def next_in_chain(site: Site | int, parent: Disposition | None) -> ChainStep | None:
    """The chain step whose actors receive a disposition given (``parent=None``) or passed on
    from ``parent``; ``None`` when the SOP names no chain, or the chain has ended."""
    chain = instruction_chain(site)
    if not chain:
        return None
    position = 1 if parent is None else depth_of(parent) + 2
    return chain[position] if position < len(chain) else None


def chain_has_ended(site: Site | int, parent: Disposition) -> bool:
    """``parent``'s assignee acts in the chain's last step: they write the draft, not pass on."""
    chain = instruction_chain(site)
    return bool(chain) and depth_of(parent) + 2 >= len(chain)


def require_drafting_step(disposition: Disposition) -> None:
    """Only the chain's last step writes (or links) the draft: earlier ones pass it on."""
    chain = instruction_chain(disposition.site_id)
    if chain and depth_of(disposition) + 2 < len(chain):  # the chain has not reached drafting
        raise PermissionDenied(
            _(
                "In the SOP the draft is written at step %(step)s: pass the disposition on "
                "(Pass on) to the role of that step."
            )
            % {"step": chain[-1].number}
        )


def instructing_sites(user) -> QuerySet[Site]:
    """Sites where ``user`` may give a disposition: a leadership role, or a role of the SOP's
    instruction steps (every site for an operator)."""
    return sites_for_user(user, leadership=True, role_keys=instruction_role_keys)


def is_assignee(user, disposition: Disposition) -> bool:
    if disposition.assignee_user_id:
        return disposition.assignee_user_id == user.pk
    return (
        bool(disposition.assignee_role_id)
        and user.groups.filter(institution_role=disposition.assignee_role_id).exists()
    )


def assigned_to(user) -> QuerySet[Disposition]:
    """Open dispositions for ``user`` or one of ``user``'s roles, earliest deadline first."""
    mine = Q(assignee_user=user) | Q(assignee_user__isnull=True, assignee_role__group__user=user)
    return (
        Disposition.objects.filter(mine, status=DispositionStatus.OPEN)
        .select_related("assigned_by", "assignee_role", "assignee_user", "site")
        .order_by("deadline", "assigned_at", "pk")
        .distinct()
    )


def _locked(disposition: Disposition) -> Disposition:
    """The row as committed, locked until the transaction ends: two clicks act once."""
    return (
        Disposition.objects.select_for_update()
        .select_related("site__root_page")
        .get(pk=disposition.pk)
    )


def require_assignee(user, disposition: Disposition) -> None:
    if not disposition.is_open:
        raise PermissionDenied(_("This disposition has already been carried out."))
    if not is_assignee(user, disposition):
        raise PermissionDenied(_("Only the assignee of this disposition may carry it out."))


class DispositionPermissionPolicy(InstitutionPermissionPolicy):
    """Dispositions are records: added by instructing roles, viewed by members, never edited."""

    view = MEMBER
    add = LEADERSHIP  # and the roles of the SOP's instruction steps (``instructing_sites``)

    def sites_for(self, user, action: str) -> QuerySet[Site]:
        if action == "add":
            return instructing_sites(user)
        return super().sites_for(user, action)


@transaction.atomic
def pass_on(disposition: Disposition, forward: Disposition, user) -> Disposition:
    """Save ``forward`` as ``disposition`` passed on by its assignee ``user``."""
    disposition = _locked(disposition)
    require_assignee(user, disposition)
    forward.site_id, forward.parent, forward.assigned_by = disposition.site_id, disposition, user
    forward.save()
    disposition.status, disposition.done_at = DispositionStatus.FORWARDED, timezone.now()
    disposition.save(update_fields=["status", "done_at"])
    queue_notification(forward)
    return forward


@transaction.atomic
def write_draft(disposition: Disposition, user) -> NewsPage:
    """The assignee starts the news draft: a page in the institution's news, linked back."""
    disposition = _locked(disposition)
    require_assignee(user, disposition)
    require_drafting_step(disposition)
    index = NewsIndexPage.objects.filter(path__startswith=disposition.site.root_page.path).first()
    if index is None or not index.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied(_("You may not write news for this institution."))
    page = NewsPage(
        title=disposition.activity,
        slug=_free_slug(index, disposition.activity),
        lead=Truncator(strip_tags(disposition.material)).chars(LEAD_LENGTH),
        date=timezone.localdate(),
        owner=user,
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return _answered_by(disposition, page)


def linkable_drafts(disposition: Disposition, user, limit: int = 50) -> list:
    """Drafts of the disposition's institution that ``user`` may edit, not in review and that
    answer no disposition yet: the ones its assignee may link to it instead of writing a new
    one (the most recently changed first)."""
    from wagtail.models import Page, WorkflowState

    root = disposition.site.root_page
    candidates = list(
        Page.objects.descendant_of(root)
        .filter(live=False)
        .exclude(pk__in=Disposition.objects.filter(page__isnull=False).values("page_id"))
        .order_by("-latest_revision_created_at", "-pk")[: limit * 2]
        .specific()
    )
    reviewed = set(
        WorkflowState.objects.active()
        .filter(
            base_content_type_id__in={page.get_base_content_type().pk for page in candidates},
            object_id__in=[str(page.pk) for page in candidates],
        )
        .values_list("object_id", flat=True)
    )
    drafts = [
        page
        for page in candidates
        if str(page.pk) not in reviewed and page.permissions_for_user(user).can_edit()
    ]
    return drafts[:limit]


@transaction.atomic
def link_draft(disposition: Disposition, page_id: int, user):
    """The assignee links a draft already written (e.g. before the disposition was given)."""
    disposition = _locked(disposition)
    require_assignee(user, disposition)
    require_drafting_step(disposition)
    page = next((p for p in linkable_drafts(disposition, user) if p.pk == page_id), None)
    if page is None:
        raise PermissionDenied(
            _(
                "This draft cannot be linked: choose a draft of this institution that you may "
                "edit, that is not published or in review and that answers no other "
                "disposition."
            )
        )
    return _answered_by(disposition, page)


def _answered_by(disposition: Disposition, page):
    """``disposition`` is carried out: ``page`` is the draft that answers it."""
    disposition.status, disposition.page, disposition.done_at = (
        DispositionStatus.DRAFTED,
        page,
        timezone.now(),
    )
    disposition.save(update_fields=["status", "page", "done_at"])
    return page


def _free_slug(index: NewsIndexPage, title: str) -> str:
    base = slugify(title)[:60] or "berita"
    taken = set(index.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def disposition_for_page(page_id: int) -> Disposition | None:
    return Disposition.objects.filter(page_id=page_id).order_by("-assigned_at").first()


def page_of_chain(disposition: Disposition):
    """The page the chain through ``disposition`` asked for: its own, or a forward's."""
    frontier = [disposition]
    while frontier:
        for node in frontier:
            if node.page_id:
                return node.page.specific
        frontier = list(Disposition.objects.filter(parent__in=frontier).select_related("page"))
    return None


def chain_ids(page_id: int) -> list[int]:
    """The dispositions that asked for the page, with every instruction they passed on."""
    ids: list[int] = []
    frontier = list(Disposition.objects.filter(page_id=page_id).values_list("pk", "parent_id"))
    while frontier:
        ids.extend(pk for pk, _parent in frontier)
        parents = {parent for _pk, parent in frontier if parent and parent not in ids}
        frontier = list(Disposition.objects.filter(pk__in=parents).values_list("pk", "parent_id"))
    return ids


@transaction.atomic
def close_for_page(page_id: int, status: DispositionStatus) -> list[int]:
    """The page a disposition asked for was published (``PUBLISHED``), or withdrawn from review
    or deleted (``WITHDRAWN``): its whole chain closes and each giver is told once.

    Already closed rows stay as they are (publishing a second revision tells nobody again).
    Returns the primary keys closed now.
    """
    ids = chain_ids(page_id)
    closing = list(
        Disposition.objects.select_for_update()
        .filter(pk__in=ids)
        .exclude(status__in=CLOSED)
        .values_list("pk", flat=True)
    )
    if not closing:
        return []
    Disposition.objects.filter(pk__in=closing).update(status=status, closed_at=timezone.now())
    last = (
        Disposition.objects.filter(pk__in=closing, page_id=page_id).order_by("-assigned_at").first()
    )
    if last is not None:
        pk = last.pk
        transaction.on_commit(
            lambda: async_task("sop_workflow.tasks.notify_disposition_closed", pk)
        )
    return closing


# A cancelled review is a withdrawal only if nothing follows it in the same request: Wagtail's
# "restart workflow" cancels and then submits again, and a publication outside the workflow
# cancels and then publishes. So a cancellation inside a request is decided when it ends.
_request = threading.local()


def request_started(**kwargs) -> None:
    _request.cancelled = set()


def request_finished(**kwargs) -> None:
    cancelled, _request.cancelled = getattr(_request, "cancelled", None), None
    for page_id in cancelled or ():
        withdraw_if_idle(page_id)


def review_cancelled(page_id: int) -> None:
    """A review of the page was cancelled: withdraw its dispositions unless it goes on."""
    pending = getattr(_request, "cancelled", None)
    if pending is None:
        withdraw_if_idle(page_id)
    else:
        pending.add(page_id)


def withdraw_if_idle(page_id: int) -> list[int]:
    """Close the page's dispositions as withdrawn if it is neither live nor under review."""
    from wagtail.models import Page, WorkflowState

    page = Page.objects.filter(pk=page_id).first()
    if page is None or page.live or WorkflowState.objects.active().for_instance(page).exists():
        return []
    return close_for_page(page_id, DispositionStatus.WITHDRAWN)


def mark_submitted(page_id: int) -> None:
    """The draft made from a disposition went to review: the disposition chain is done. A
    chain withdrawn with an earlier review is open again (its page may still be published)."""
    Disposition.objects.filter(
        page_id=page_id,
        status__in=[DispositionStatus.DRAFTED, DispositionStatus.WITHDRAWN],
    ).update(status=DispositionStatus.SUBMITTED, closed_at=None)
    Disposition.objects.filter(
        pk__in=chain_ids(page_id), page__isnull=True, status=DispositionStatus.WITHDRAWN
    ).update(status=DispositionStatus.FORWARDED, closed_at=None)


# --------------------------------------------------------------------------- notification


def queue_notification(disposition: Disposition) -> None:
    """E-mail the assignee from django-q2 once the disposition is committed."""
    pk = disposition.pk
    transaction.on_commit(lambda: async_task("sop_workflow.tasks.notify_disposition_assignees", pk))


def recipients(disposition: Disposition) -> list[str]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if disposition.assignee_user_id:
        users = users.filter(pk=disposition.assignee_user_id)
    else:
        users = users.filter(groups__institution_role=disposition.assignee_role_id)
    return sorted(set(users.values_list("email", flat=True)))


def notify_assignees(disposition_pk: int) -> int:
    """Background job: tell the assignee, in Indonesian, what to do by when, with the link."""
    disposition = Disposition.objects.filter(pk=disposition_pk).select_related("site").first()
    to = recipients(disposition) if disposition else []
    if not to:
        return 0
    url = get_admin_base_url() + reverse("sop_workflow_dispositions:inspect", args=[disposition.pk])
    with translation.override(settings.LANGUAGE_CODE), timezone.override(_zone(disposition)):
        values = {
            "activity": disposition.activity,
            "by": display_name(disposition.assigned_by),
            "deadline": _deadline_text(disposition),
            "url": url,
        }
        subject = _("Disposition: %(activity)s") % values
        body = "\n\n".join(
            [
                _("%(by)s gives you a disposition: %(activity)s.") % values,
                disposition.material,
                _("Deadline: %(deadline)s.") % values,
                _("Open the disposition: %(url)s") % values,
            ]
        )
    return send_mail(subject, body, None, to)


def notify_closed(disposition_pk: int) -> int:
    """Background job: tell everyone who gave an instruction of the chain, once each, that the
    page it asked for was published (with its link) or withdrawn."""
    disposition = (
        Disposition.objects.filter(pk=disposition_pk).select_related("site", "page").first()
    )
    if disposition is None or not disposition.is_closed:
        return 0
    givers = {node.assigned_by_id for node in disposition.chain() if node.assigned_by_id}
    to = sorted(
        set(
            get_user_model()
            .objects.filter(pk__in=givers, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
    if not to:
        return 0
    admin_url = get_admin_base_url() + reverse(
        "sop_workflow_dispositions:inspect", args=[disposition.pk]
    )
    page = disposition.page.specific if disposition.page_id else None
    published = disposition.status == DispositionStatus.PUBLISHED
    with translation.override(settings.LANGUAGE_CODE), timezone.override(_zone(disposition)):
        from django.utils.formats import date_format

        values = {
            "activity": disposition.activity,
            "title": page.title if page else disposition.activity,
            "url": (page.full_url if page else "") or "",
            "at": date_format(timezone.localtime(disposition.closed_at), "j F Y H:i"),
            "disposition_url": admin_url,
        }
        if published:
            subject = _("Published: %(title)s") % values
            lines = [
                _("The page your disposition “%(activity)s” asked for was published on %(at)s.")
                % values,
                _("Read it: %(url)s") % values,
            ]
        else:
            subject = _("Withdrawn: %(activity)s") % values
            lines = [
                _(
                    "The page your disposition “%(activity)s” asked for was withdrawn from "
                    "review or deleted on %(at)s; the disposition is closed."
                )
                % values
            ]
        lines.append(_("Open the disposition: %(disposition_url)s") % values)
    body = "\n\n".join(lines)
    return sum(send_mail(subject, body, None, [address]) for address in to)  # one each


def _zone(disposition: Disposition):
    return institution_time_zone(disposition.site_id)


def display_name(user) -> str:
    """A person as colleagues name them; no account (e.g. a removed one) reads "an operator"."""
    return (user.get_full_name() or user.get_username()) if user else _("An operator")


def _deadline_text(disposition: Disposition) -> str:
    if disposition.deadline is None:
        return _("none set")
    from django.utils.formats import date_format

    return date_format(timezone.localtime(disposition.deadline), "j F Y H:i")


def handover_section(person, sites):
    """The open dispositions given to ``person`` in ``sites``, for the staff handover page
    (``home.staff.handover``): handing over makes the colleague their assignee."""

    open_ones = list(
        Disposition.objects.filter(
            assignee_user=person, site__in=sites, status=DispositionStatus.OPEN
        )
    )
    items = [
        HandoverItem(
            disposition.activity,
            reverse("sop_workflow_dispositions:inspect", args=[disposition.pk]),
            disposition.site_id,
            disposition.pk,
        )
        for disposition in open_ones
    ]

    def reassign(pks, colleague) -> int:
        return Disposition.objects.filter(pk__in=pks, assignee_user=person).update(
            assignee_user=colleague
        )

    return HandoverSection("dispositions", _("Open dispositions"), items, reassign)
