"""Language advice reaches the approver: advisory in Jenawi's SOP, a requirement where an SOP
says so (the approval is refused until the text is corrected)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import TaskState

from tests.sop_example import documented_example
from tests.sop_helpers import (
    act,
    as_user,
    create_with_sop,
    current_state,
    draft,
    save_draft,
    submit,
)
from tests.tooling import require_path, require_tool

pytestmark = pytest.mark.django_db
MISSPELLED = "Warga mengikuti kegitan kerja bakti di saluran irigasi."


@pytest.fixture(autouse=True)
def hunspell():
    require_tool("hunspell", "hunspell")
    require_path("/usr/share/hunspell/id_ID.dic", "hunspell-id")


def approve_modal(client, page) -> str:
    """The approver's "Setujui" modal, as the admin opens it."""
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", current_state(page).pk]
    )
    return client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).json()["html"]


def test_jenawi_approver_sees_the_spelling_advice_and_may_still_approve(client):
    jenawi = create_with_sop("kecamatan_jenawi")
    admin, ppid = jenawi.user("admin_website"), jenawi.user("ppid_pelaksana")
    page = draft(jenawi, title="Kerja bakti saluran irigasi", lead=MISSPELLED)
    submit(as_user(client, admin), page)

    modal = approve_modal(as_user(client, ppid), page)
    assert "kegitan" in modal

    act(client, page, "approve")
    assert current_state(page).task.specific.step_number == 4  # advice, not a block


@pytest.fixture
def strict(tmp_path, make_institution):
    """The format documentation's example SOP, whose Lurah also requires correct Indonesian
    and may correct the item in the task."""
    example = documented_example().replace(
        'time = "15 min"\noutput = "Berita disetujui"',
        'time = "15 min"\nchecks = ["indonesian_language"]\nedits = true\n'
        'output = "Berita disetujui"',
    )
    assert 'checks = ["indonesian_language"]' in example
    path = tmp_path / "sop_ketat.toml"
    path.write_text(example, encoding="utf-8")
    institution = make_institution("ketat", name="Kalurahan Ketat")
    call_command("install_sop", str(path), "--site", institution.hostname, stdout=StringIO())
    return institution


def test_an_sop_can_make_correct_indonesian_a_requirement(client, strict):
    admin, lurah = strict.user("admin"), strict.user("lurah")
    page = draft(strict, title="Kerja bakti saluran irigasi", lead=MISSPELLED)
    submit(as_user(client, admin), page)

    refused = act(as_user(client, lurah), page, "approve", channels=["website"])
    problems = client.get(refused.json()["redirect"]).content.decode()
    assert "kegitan" in problems
    assert current_state(page).status == TaskState.STATUS_IN_PROGRESS

    fixed = "Warga mengikuti kegiatan kerja bakti di saluran irigasi."
    save_draft(client, page, lead=fixed)  # the Lurah corrects it (the author is locked out)
    act(client, page, "approve", channels=["website"])
    assert current_state(page).task.specific.step_number == 4
