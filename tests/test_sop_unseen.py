"""A sixth SOP that ships with no code: the example of the format documentation, loaded from a
file by an operator, runs from *disposisi* to live on a new institution."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import WorkflowPage

from home.models import InstitutionRole, NewsPage
from sop_workflow.models import Disposition, InstalledSop, PlatformChoice, StepTiming
from tests.sop_example import documented_example
from tests.sop_helpers import act, as_user, current_task, latest, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def contoh(tmp_path, make_institution):
    path = tmp_path / "sop_kalurahan_contoh.toml"
    path.write_text(documented_example(), encoding="utf-8")
    institution = make_institution("contoh", name="Kalurahan Contoh")
    call_command("install_sop", str(path), "--site", institution.hostname, stdout=StringIO())
    return institution


def test_the_documented_example_installs_with_its_own_roles_and_runs_end_to_end(client, contoh):
    installed = InstalledSop.objects.get(site=contoh.site, is_current=True)
    assert installed.key == "kalurahan_contoh"
    assert WorkflowPage.objects.get(page=contoh.home).workflow == installed.workflow
    roles = set(InstitutionRole.objects.filter(site=contoh.site).values_list("name", flat=True))
    assert {"Lurah", "Admin Website dan Medsos"} <= roles  # the SOP renames "Admin Instansi"
    assert InstitutionRole.objects.get(site=contoh.site, key="admin").is_admin  # still manages
    lurah, admin = contoh.user("lurah"), contoh.user("admin")
    client.defaults["HTTP_HOST"] = contoh.hostname

    # Step 1: the Lurah's disposisi (an instruction step of this SOP), step 2: the draft.
    as_user(client, lurah).post(
        reverse("sop_workflow_dispositions:add"),
        {
            "site": contoh.site.pk,
            "activity": "Liputan kerja bakti Padukuhan Kulon",
            "material": "Minggu 07.00 di saluran irigasi Padukuhan Kulon.",
            "assignee_role": InstitutionRole.objects.get(site=contoh.site, key="admin").pk,
        },
    )
    disposition = Disposition.objects.get(site=contoh.site)
    as_user(client, admin).post(reverse("sop_workflow_dispositions:draft", args=[disposition.pk]))
    page = NewsPage.objects.get(title="Liputan kerja bakti Padukuhan Kulon")
    image = contoh.image(description="Warga membersihkan saluran irigasi")
    five_w = {
        "what": "Kerja bakti", "who": "Warga Padukuhan Kulon", "when": "Minggu pukul 07.00",
        "where": "Saluran irigasi", "why": "Mencegah banjir", "how": "Gotong royong",
    }  # fmt: skip
    submit(client, page, share_image=image.pk, share_image_alt="Warga bekerja bakti", **five_w)
    assert current_task(page).step_number == 3
    assert act(client, page, "approve").status_code == 403  # step 3 is the Lurah's

    act(as_user(client, lurah), page, "reject", comment="Tambahkan jumlah warga yang hadir.")
    submit(as_user(client, admin), page, lead="Sekitar 60 warga hadir membersihkan saluran.")
    assert current_task(page).step_number == 3
    act(as_user(client, lurah), page, "approve", channels=["website", "facebook"])
    act(as_user(client, admin), page, "approve")

    assert latest(page).live
    assert PlatformChoice.channels_for(page) == ["website", "facebook"]
    labels = list(
        StepTiming.objects.filter(page_id=page.pk).order_by("started_at", "pk")
        .values_list("step_label", "outcome")
    )  # fmt: skip
    assert labels == [
        ("1", "submitted"),
        ("2", "submitted"),
        ("3", "rejected"),
        ("2", "submitted"),
        ("3", "approved"),
        ("4", "approved"),
    ]  # fmt: skip  (the Lurah's instruction and the drafting are timed each on its own)
    disposition.refresh_from_db()
    instruction = StepTiming.objects.get(page_id=page.pk, kind="preparation", step_label="1")
    assert (instruction.started_at, instruction.finished_at, instruction.actor) == (
        disposition.assigned_at, disposition.done_at, lurah,
    )  # fmt: skip
    printed = client.get(reverse("sop_workflow:sop_print", args=[installed.pk])).content.decode()
    assert "02/KPTS/2025" in printed
    assert "Admin Website dan Medsos" in printed
