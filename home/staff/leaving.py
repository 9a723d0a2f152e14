"""A person leaves an institution: nothing they hold is lost.

:func:`plan` lists their open work in the institutions the administrator manages;
:func:`carry_out` hands it all to one colleague and then deactivates the account — or, when
the person also works for an institution this administrator does not manage, takes only this
administrator's roles from them. Either everything happens, or nothing and the reason is said.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log
from wagtail.models import Site

from home.models import InstitutionRole
from home.staff.handover import HandoverSection, sections_for
from home.staff.policy import is_operator
from home.tenancy import roles_managed_by


@dataclass
class LeavingPlan:
    sites: list[Site]
    sections: list[HandoverSection]
    works_elsewhere: bool

    @property
    def open_items(self) -> int:
        return sum(len(section.items) for section in self.sections)


@dataclass
class Outcome:
    message: str = ""
    refusal: str = ""


def plan(actor, person, sites: list[Site] | None) -> LeavingPlan:
    """The person's open work in ``sites`` (every institution of theirs for an operator)."""
    if sites is None:
        sites = list(
            Site.objects.filter(institution_roles__group__user=person).distinct().order_by("pk")
        )
    own_groups = roles_managed_by(actor).values("group_id")
    elsewhere = not is_operator(actor) and person.groups.exclude(pk__in=own_groups).exists()
    return LeavingPlan(sites, sections_for(person, sites), elsewhere)


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def _refusal(actor, person, plan: LeavingPlan, colleague) -> str:
    if person == actor:
        return _("You cannot deactivate your own account. Ask another administrator.")
    stuck = [s for s in plan.sections if s.items and s.reassign is None]
    if stuck:
        return _("Nothing was changed: %(what)s. %(how)s") % {
            "what": stuck[0].title,
            "how": stuck[0].note,
        }
    movable = [item for s in plan.sections if s.reassign for item in s.items]
    if movable and colleague is None:
        return ngettext(
            "Nothing was changed: %(name)s still holds %(count)d open item. Choose the "
            "colleague who takes it over.",
            "Nothing was changed: %(name)s still holds %(count)d open items. Choose the "
            "colleague who takes them over.",
            len(movable),
        ) % {"name": _name(person), "count": len(movable)}
    if colleague is not None:
        their_sites = set(
            InstitutionRole.objects.filter(group__user=colleague).values_list("site_id", flat=True)
        )
        missing = {item.site_id for item in movable} - their_sites
        if missing:
            names = ", ".join(s.site_name for s in plan.sites if s.pk in missing)
            return _(
                "Nothing was changed: %(colleague)s has no role in %(sites)s. Choose a "
                "colleague of that institution."
            ) % {"colleague": _name(colleague), "sites": names}
    return ""


def _handover(plan: LeavingPlan, colleague) -> list[str]:
    done = []
    for section in plan.sections:
        if section.reassign and section.items:
            moved = section.reassign([item.pk for item in section.items], colleague)
            done.append(f"{section.title}: {moved}")
    return done


@transaction.atomic
def carry_out(actor, person, plan: LeavingPlan, colleague) -> Outcome:
    """Hand the open work to ``colleague``, then end the person's access here."""
    refusal = _refusal(actor, person, plan, colleague)
    if refusal:
        return Outcome(refusal=refusal)
    done = _handover(plan, colleague)
    handed = "; ".join(done) or _("no open work")
    data = {"handed_over": done, "to": colleague.pk if colleague else None}
    sites = ", ".join(site.site_name for site in plan.sites)
    if plan.works_elsewhere:
        own = list(person.groups.filter(institution_role__in=roles_managed_by(actor)))
        person.groups.remove(*own)
        log(person, "home.staff.roles_taken", user=actor, data=data)
        return Outcome(
            _(
                "%(name)s no longer holds a role in %(sites)s (handed over: %(handed)s). Their "
                "account stays active for the other institution they work for."
            )
            % {"name": _name(person), "sites": sites, "handed": handed}
        )
    person.is_active = False
    person.save(update_fields=["is_active"])
    log(person, "home.staff.deactivate", user=actor, data=data)
    return Outcome(
        _("%(name)s's account is deactivated (handed over: %(handed)s).")
        % {"name": _name(person), "handed": handed}
    )
