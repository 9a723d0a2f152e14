"""Helpers for the SOP workflow tests: institutions with an installed SOP, admin actions."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.institutions import Institution, ensure_wagtail_roots

SOPS = {
    "kapanewon_bantul": ("bantul", "Kapanewon Bantul", "kapanewon"),
    "kalurahan_bunder": ("bunder", "Kalurahan Bunder", "kalurahan"),
    "dpmk_bantul": ("dpmk", "Dinas PMK Kabupaten Bantul", "dinas"),
    "kecamatan_jenawi": ("jenawi", "Kecamatan Jenawi", "kecamatan"),
    "diskominfo_ketapang": ("ketapang", "Diskominfo Kabupaten Ketapang", "dinas"),
}
FIVE_W_ONE_H = {
    "what": "Kerja bakti membersihkan saluran irigasi",
    "who": "Warga Padukuhan Karang dan perangkat kalurahan",
    "when": "Sabtu, 1 Maret 2025 pukul 07.00",
    "where": "Saluran irigasi Padukuhan Karang",
    "why": "Mencegah banjir pada musim hujan",
    "how": "Gotong royong mengangkat sampah dan lumpur",
}


def create_with_sop(sop: str) -> Institution:
    """An institution created by ``create_institution --sop`` (the way operators do it)."""
    ensure_wagtail_roots()
    key, name, kind = SOPS[sop]
    hostname = f"{key}.localhost"
    call_command(
        "create_institution",
        *("--name", name, "--hostname", hostname, "--type", kind, "--sop", sop),
        stdout=StringIO(),
    )
    return Institution(Site.objects.get(hostname=hostname))


def draft(inst: Institution, *, disposition: bool = True, **fields):
    """A news draft with a photo (with alt text) and a full 5W+1H narrative; when the SOP's
    drafting step requires a *disposisi* (Bunder), written from the SOP's chain of them
    (``disposition=False``: a draft that answers none)."""
    image = inst.image()
    values = {
        "live": False,
        "share_image": image,
        "share_image_alt": "Warga membersihkan saluran",
        **FIVE_W_ONE_H,
    }
    values.update(fields)
    page = inst.news(publish=False, **values)
    if disposition:
        disposition_chain(inst, page)
    return page


def role_member(site, key: str):
    """The first member of the role, or ``None`` (no user is created for it)."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(groups__institution_role__site=site, groups__institution_role__key=key)
        .order_by("pk")
        .first()
    )


def disposition_chain(inst: Institution, page):
    """The dispositions the SOP's instruction steps give, the last one answered by ``page``
    (as when the drafter writes it from the disposition); ``None`` when the SOP needs none."""
    from django.utils import timezone

    from home.models import InstitutionRole
    from sop_workflow.definition import Kind
    from sop_workflow.models import Disposition, DispositionStatus, InstalledSop

    installed = InstalledSop.objects.filter(site=inst.site, is_current=True).first()
    steps = installed.definition.steps_of(Kind.PREPARATION) if installed else []
    drafting = next((step for step in steps if step.requires_disposition), None)
    if drafting is None:
        return None
    instructions = [step for step in steps if step.action == "instruction"]
    givers = [step.actor[0] for step in instructions] or [drafting.actor[0]]
    takers = [*givers[1:], drafting.actor[0]]
    parent = None
    for number, (giver, taker) in enumerate(zip(givers, takers, strict=True), start=1):
        last = number == len(givers)
        parent = Disposition.objects.create(
            site=inst.site,
            parent=parent,
            activity=page.title,
            material=page.lead,
            assignee_role=InstitutionRole.objects.get(site=inst.site, key=taker),
            assigned_by=role_member(inst.site, giver),
            status=DispositionStatus.DRAFTED if last else DispositionStatus.FORWARDED,
            page=page if last else None,
        )
        parent.done_at = timezone.now()  # carried out (passed on, or drafted) after given
        parent.save(update_fields=["done_at"])
    return parent


def latest(page):
    return Page.objects.get(pk=page.pk).specific


def edit_data(page, **changes) -> dict:
    """The page editor's form as a browser posts it, with ``changes`` applied."""
    page = latest(page).get_latest_revision_as_object()
    values = {
        "title": page.title,
        "slug": page.slug,
        "date": page.date.isoformat(),
        "lead": page.lead,
        "news_type": page.news_type,
        "tags": "",
        "body": streamfield([]),
        "share_image": page.share_image_id or "",
        "share_image_alt": page.share_image_alt,
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
        **{name: getattr(page, name) for name in FIVE_W_ONE_H},
    }
    values.update(changes)
    return nested_form_data(values)


def submit(client, page, **changes):
    """Submit (or resubmit) ``page`` for moderation through the page editor."""
    data = {**edit_data(page, **changes), "action-submit": "Submit"}
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def save_draft(client, page, **changes):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_data(page, **changes)
    )


def current_state(page):
    return latest(page).current_workflow_task_state


def current_task(page):
    state = current_state(page)
    return state.task.specific if state else None


def act(client, page, action: str, **data):
    """Take a workflow action on the page's current task, as the admin's action modal does.

    The modal posts with ``X-Requested-With``: a refusal is then HTTP 403 (without it Wagtail
    redirects to the dashboard with a "no permission" message), success a JSON redirect.
    """
    state = current_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    return client.post(url, data, headers={"x-requested-with": "XMLHttpRequest"})


def redirect_of(response) -> str:
    """Where the admin's modal sends the browser after an action."""
    return response.json()["redirect"]


def as_user(client, user):
    client.force_login(user)
    return client


def assert_only_the_task_role_may_act(client, page, *others) -> None:
    """Users of other roles or other institutions cannot act on the current task: the admin's
    workflow action answers 403 to a colleague of another role and 404 to a user of another
    institution (for whom the page does not exist: ``home.admin_guard``); the task stays where
    it was."""
    from home.tenancy import site_for_page, sites_for_user

    state = current_state(page)
    site = site_for_page(page)
    for user in others:
        outsider = not user.is_superuser and not sites_for_user(user).filter(pk=site.pk).exists()
        for action in ("approve", "reject"):
            response = act(as_user(client, user), page, action, comment="Tidak berwenang.")
            assert response.status_code == (404 if outsider else 403), (user.username, action)
    assert current_state(page).pk == state.pk
    assert current_state(page).status == "in_progress"
