"""`install_sop` builds an institution's workflow from its SOP, refuses bad definitions whole,
is idempotent, and updates to a new version without disturbing items in moderation."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Task, Workflow, WorkflowPage

from home.models import InstitutionRole
from sop_workflow.definition import bundled_definitions
from sop_workflow.models import InstalledSop, SopApprovalTask, SopPublicationTask
from tests.sop_helpers import act, as_user, create_with_sop, current_task, draft, latest, submit

pytestmark = pytest.mark.django_db
BUNDER = bundled_definitions()["kalurahan_bunder"].read_text(encoding="utf-8")


def install(*args) -> str:
    out = StringIO()
    call_command("install_sop", *args, stdout=out)
    return out.getvalue()


def test_bunder_workflow_has_its_four_tasks_owned_by_its_own_role_groups(bunder):
    install("kalurahan_bunder", "--site", bunder.hostname)

    workflow = WorkflowPage.objects.get(page=bunder.home).workflow
    tasks = [task.specific for task in workflow.tasks]
    assert [(type(t), t.step_numbers, t.standard_text) for t in tasks] == [
        (SopApprovalTask, [4], "15 Menit"),
        (SopApprovalTask, [5, 6], "25 menit"),
        (SopApprovalTask, [7], "10 Menit"),
        (SopPublicationTask, [8, 9], "20 menit"),
    ]
    owners = [{g.institution_role.key for g in t.groups.all()} for t in tasks]
    assert owners == [{"seksi"}, {"ketua_ppid"}, {"seksi"}, {"admin_medsos"}]
    assert {g.institution_role.site for t in tasks for g in t.groups.all()} == {bunder.site}
    assert tasks[2].choose_platforms
    assert tasks[1].restart_step == 4


def test_reinstalling_an_unchanged_sop_changes_nothing_and_says_so(bunder):
    install("kalurahan_bunder", "--site", bunder.hostname)
    counts = (Workflow.objects.count(), Task.objects.count(), Group.objects.count())

    output = install("kalurahan_bunder", "--site", bunder.hostname)

    assert "tidak ada perubahan" in output
    assert counts == (Workflow.objects.count(), Task.objects.count(), Group.objects.count())


def test_a_changed_sop_is_a_new_version_and_items_in_moderation_finish_on_the_old_one(
    client, tmp_path
):
    bunder = create_with_sop("kalurahan_bunder")
    admin, seksi, ketua = (bunder.user(key) for key in ("admin_medsos", "seksi", "ketua_ppid"))
    in_flight = draft(bunder)
    submit(as_user(client, admin), in_flight)
    changed = tmp_path / "bunder_v2.toml"
    longer = BUNDER.replace('time = "15 Menit"', 'time = "20 Menit"', 1)
    changed.write_text(longer, encoding="utf-8")

    output = install(str(changed), "--site", bunder.hostname)

    old, new = InstalledSop.objects.filter(site=bunder.site).order_by("version")
    assert "versi 2" in output
    assert (old.is_current, new.is_current) == (False, True)
    assert WorkflowPage.objects.get(page=bunder.home).workflow == new.workflow
    assert not Workflow.objects.get(pk=old.workflow_id).active
    for user in (seksi, ketua, seksi):
        act(as_user(client, user), in_flight, "approve", channels=["website"])
    act(as_user(client, admin), in_flight, "approve")
    assert latest(in_flight).live
    fresh = draft(bunder)
    submit(as_user(client, admin), fresh)
    assert current_task(fresh).standard_text == "20 Menit"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('actor = "seksi"\nkind = "review"', 'actor = "sekretaris"\nkind = "review"'),
            "steps[3] (langkah 4): actor:",
        ),
        (('time = "60 Menit"\n', ""), "steps[2] (langkah 3): time:"),
        (
            ("on_reject = { step = 3,", "on_reject = { step = 12,"),
            "steps[3] (langkah 4): on_reject.step:",
        ),
    ],
    ids=["unknown-role", "missing-time", "bad-rejection-target"],
)
def test_an_invalid_definition_is_refused_precisely_and_nothing_is_installed(
    bunder, tmp_path, change, message
):
    broken = tmp_path / "bunder_broken.toml"
    broken.write_text(BUNDER.replace(*change, 1), encoding="utf-8")
    before = (InstitutionRole.objects.count(), Workflow.objects.count(), Task.objects.count())

    with pytest.raises(CommandError) as refused:
        install(str(broken), "--site", bunder.hostname)

    assert f"bunder_broken.toml: {message}" in str(refused.value)
    assert not InstalledSop.objects.exists()
    assert before == (
        InstitutionRole.objects.count(),
        Workflow.objects.count(),
        Task.objects.count(),
    )


def test_create_institution_with_sop_installs_its_workflow():
    dpmk = create_with_sop("dpmk_bantul")

    installed = InstalledSop.objects.get(site=dpmk.site)
    assert installed.definition.key == "dpmk_bantul"
    assert "Buku Agenda" in installed.definition_text
    assert WorkflowPage.objects.get(page=dpmk.home).workflow == installed.workflow
