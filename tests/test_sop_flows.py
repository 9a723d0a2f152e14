"""Each of the five SOPs drives a news item from draft to live through the real admin views."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from sop_workflow.models import (
    ArchiveRecord,
    FollowUpTodo,
    IntakeRegisterEntry,
    ParafRecord,
    PlatformChoice,
    StepTiming,
)
from tests.sop_helpers import (
    act,
    as_user,
    assert_only_the_task_role_may_act,
    create_with_sop,
    current_state,
    current_task,
    draft,
    latest,
    redirect_of,
    save_draft,
    submit,
)

pytestmark = pytest.mark.django_db


def steps_timed(page):
    return [
        (timing.step_label, timing.outcome)
        for timing in StepTiming.objects.filter(page_id=page.pk).order_by("started_at", "pk")
    ]


def test_bantul_incomplete_5w1h_is_not_submitted_panewu_rejects_then_website_manager_publishes(
    client, make_institution
):
    bantul = create_with_sop("kapanewon_bantul")
    outsider = make_institution("lain").user("penyetuju")
    page = draft(bantul, why="")
    manager, panewu = bantul.user("pengelola_website"), bantul.user("panewu")

    refused = submit(as_user(client, manager), page)
    assert "mengapa" in client.get(refused.url).content.decode()
    assert current_state(page) is None  # the SOP's step 1 checks keep it from the Panewu

    assert submit(client, page, why="Mencegah banjir").status_code == 302
    assert current_task(page).step_number == 3
    assert act(as_user(client, outsider), page, "approve").status_code == 404  # not theirs
    assert act(as_user(client, bantul.user("peliput")), page, "approve").status_code == 403

    no_comment = act(as_user(client, panewu), page, "reject")
    assert "Tuliskan apa yang harus diperbaiki" in no_comment.json()["html"]
    assert current_state(page).status == TaskState.STATUS_IN_PROGRESS
    act(client, page, "reject", comment="Lengkapi alasan kegiatan (mengapa).")
    assert latest(page).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    submit(as_user(client, manager), page, why="Mencegah banjir di musim hujan")
    assert current_task(page).step_number == 3
    act(as_user(client, panewu), page, "approve")
    assert current_task(page).step_number == 4
    act(as_user(client, manager), page, "approve")

    assert latest(page).live
    assert steps_timed(page) == [
        ("1–2", "submitted"),
        ("3", "rejected"),
        ("2", "submitted"),  # the rework until resubmission
        ("3", "approved"),
        ("4", "approved"),
    ]
    assert StepTiming.objects.get(page_id=page.pk, step_label="4").actor == manager


def test_bunder_two_approval_levels_rejection_returns_to_first_review_and_platforms_are_chosen(
    client, make_institution
):
    bunder = create_with_sop("kalurahan_bunder")
    outsider = make_institution("lain").user("penyetuju")
    admin, seksi, ketua = (bunder.user(key) for key in ("admin_medsos", "seksi", "ketua_ppid"))
    page = draft(bunder)

    submit(as_user(client, admin), page)
    assert_only_the_task_role_may_act(client, page, outsider, ketua)
    assert act(client, page, "approve").status_code == 403  # the admin cannot review step 4
    act(as_user(client, seksi), page, "approve")
    assert current_task(page).step_number == 6
    assert act(client, page, "approve").status_code == 403  # step 6 is the Ketua PPID's
    act(as_user(client, ketua), page, "reject", comment="Foto kurang jelas, ganti.")
    submit(as_user(client, admin), page, lead="Ringkasan baru dengan foto yang lebih jelas.")
    assert current_task(page).step_number == 4  # "Tidak" at step 5 goes back through step 4

    act(as_user(client, seksi), page, "approve")
    act(as_user(client, ketua), page, "approve")
    assert current_task(page).step_number == 7
    assert act(as_user(client, seksi), page, "approve").json()["step"] == "action"  # no choice
    act(client, page, "approve", channels=["website", "instagram"])
    assert current_task(page).step_number == 9
    act(as_user(client, admin), page, "approve")

    assert latest(page).live
    assert PlatformChoice.channels_for(page) == ["website", "instagram"]
    assert [label for label, outcome in steps_timed(page)] == [
        "1", "2", "3", "4", "5–6", "3", "4", "5–6", "7", "8–9",
    ]  # fmt: skip
    drafting, rework = StepTiming.objects.filter(page_id=page.pk, step_label="3")
    rejected = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="rejected")
    resubmitted = TaskState.objects.filter(started_at__gte=rejected.finished_at).earliest("pk")
    assert (rework.started_at, rework.finished_at) == (
        rejected.finished_at, resubmitted.started_at,
    )  # fmt: skip
    assert rework.actor == admin
    assert rework.standard_max_seconds == 60 * 60
    assert (drafting.actor, drafting.standard_max_seconds) == (admin, 60 * 60)
    instructed = StepTiming.objects.filter(page_id=page.pk, step_label__in=["1", "2"])
    assert [t.standard_max_seconds for t in instructed] == [10 * 60, 10 * 60]  # each its own


def test_dpmk_intake_number_paraf_of_kabid_and_kasubbag_and_sekdin_rejection_to_step_1(
    client, make_institution
):
    dpmk = create_with_sop("dpmk_bantul")
    outsider = make_institution("lain").user("penyetuju")
    petugas, kabid, kasubbag, sekdin, operator = (
        dpmk.user(key)
        for key in ("petugas_penerima", "kabid", "kasubbag", "sekdin", "operator_website")
    )
    page = draft(dpmk)

    submit(as_user(client, petugas), page)
    entry = IntakeRegisterEntry.objects.get(page_id=page.pk)
    assert (entry.number, entry.news_type) == (1, "kegiatan")
    assert_only_the_task_role_may_act(client, page, outsider, sekdin, operator)
    assert act(as_user(client, kabid), page, "approve").status_code == 403  # kasubbag still owes
    act(client, page, "paraf", initials="KB")
    assert current_task(page).step_number == 2
    act(as_user(client, kasubbag), page, "approve", initials="KS")
    assert current_task(page).step_number == 3
    act(as_user(client, sekdin), page, "reject", comment="Tidak disetujui: lengkapi foto.")
    submit(as_user(client, petugas), page)
    assert current_task(page).step_number == 2  # TIDAK goes back to step 1: intake again

    act(as_user(client, kabid), page, "paraf", initials="KB")
    act(as_user(client, kasubbag), page, "approve", initials="KS")
    act(as_user(client, sekdin), page, "approve", initials="SD")
    act(as_user(client, operator), page, "approve")

    assert latest(page).live
    assert IntakeRegisterEntry.objects.get(page_id=page.pk).agenda_number == entry.agenda_number
    final_round = ParafRecord.objects.filter(page_id=page.pk).order_by("pk")[2:]
    assert [(p.step_number, p.role_key, p.initials, p.user) for p in final_round] == [
        (2, "kabid", "KB", kabid),
        (2, "kasubbag", "KS", kasubbag),
        (3, "sekdin", "SD", sekdin),
    ]
    workflow_state = latest(page).workflow_states.get()
    history = (
        as_user(client, petugas)
        .get(
            reverse("wagtailadmin_pages:workflow_history_detail", args=[page.pk, workflow_state.pk])
        )
        .content.decode()
    )
    assert "SD (Sekretaris Dinas (Sekdin)," in history
    filing = FollowUpTodo.objects.get(page_id=page.pk, step_number=5)  # the operator's to-do
    url = reverse("sop_workflow:follow_up_done", args=[filing.pk])
    assert as_user(client, operator).post(url).status_code == 302
    archive = ArchiveRecord.objects.get(page_id=page.pk)
    assert (archive.number, archive.agenda_number) == (1, entry.agenda_number)
    assert steps_timed(page) == [
        ("1", "submitted"), ("2", "approved"), ("3", "rejected"), ("1", "submitted"),
        ("2", "approved"), ("3", "approved"), ("4", "approved"), ("5", "approved"),
    ]  # fmt: skip


def test_jenawi_publication_is_refused_while_an_image_lacks_alt_text(client, make_institution):
    jenawi = create_with_sop("kecamatan_jenawi")
    outsider = make_institution("lain").user("penyetuju")
    admin, ppid = jenawi.user("admin_website"), jenawi.user("ppid_pelaksana")
    page = draft(jenawi, share_image=jenawi.image(description=""))

    submit(as_user(client, admin), page)
    assert_only_the_task_role_may_act(client, page, outsider, admin)
    act(as_user(client, ppid), page, "reject", comment="Gunakan bahasa Indonesia yang baku.")
    submit(as_user(client, admin), page, lead="Ringkasan dalam bahasa Indonesia yang baku.")
    act(as_user(client, ppid), page, "approve")
    save_draft(as_user(client, admin), page, share_image_alt="")  # drafts are not gated
    refused = act(client, page, "approve")
    problems = client.get(redirect_of(refused)).content.decode()
    assert "Kelengkapan belum terpenuhi" in problems
    assert "Foto kegiatan" in problems
    assert current_task(page).step_number == 4
    assert not latest(page).live
    save_draft(client, page, share_image_alt="Warga membersihkan saluran irigasi")
    act(client, page, "approve")

    assert latest(page).live
    timings = StepTiming.objects.filter(page_id=page.pk, kind="review")
    assert {t.standard_max_seconds for t in timings} == {None}  # tentative: no standard


def test_ketapang_web_administrator_publishes_immediately_despite_a_scheduled_date(
    client, make_institution
):
    ketapang = create_with_sop("diskominfo_ketapang")
    outsider = make_institution("lain").user("penyetuju")
    penulis, editor, redaktur, webadmin = (
        ketapang.user(key) for key in ("penulis", "editor", "redaktur", "web_administrator")
    )
    page = draft(ketapang)

    submit(as_user(client, penulis), page)
    assert_only_the_task_role_may_act(client, page, outsider, penulis, redaktur, webadmin)
    act(as_user(client, editor), page, "approve")
    act(as_user(client, redaktur), page, "reject", comment="Perbaiki judul.")
    submit(as_user(client, penulis), page, title="Kerja bakti saluran irigasi")
    assert current_task(page).step_number == 7
    act(as_user(client, redaktur), page, "approve")
    revision = latest(page).get_latest_revision()
    revision.content["go_live_at"] = (timezone.now() + timedelta(days=3)).isoformat()
    revision.save()
    act(as_user(client, webadmin), page, "approve")

    assert latest(page).live
    assert latest(page).title == "Kerja bakti saluran irigasi"
    assert StepTiming.objects.get(page_id=page.pk, step_label="8").outcome == "approved"
