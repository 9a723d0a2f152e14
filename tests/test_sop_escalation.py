"""Escalation goes up, not down; reminders can be staged — through the scheduled reminder job."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from sop_workflow.definition import bundled_definitions, dump_definition, load_definition, validate
from sop_workflow.models import SopReminder, SopTaskState
from sop_workflow.tasks import send_reminders
from sop_workflow.timekeeping import sla
from tests.sop_helpers import act, as_user, create_with_sop, current_state, draft, submit

WIB = ZoneInfo("Asia/Jakarta")
FRIDAY_1425 = datetime(2025, 2, 28, 14, 25, tzinfo=WIB)  # 5 working minutes before closing


def monday(hour: int, minute: int) -> datetime:
    """Monday 3 March 2025 (the office opens at 07:30 WIB)."""
    return datetime(2025, 3, 3, hour, minute, tzinfo=WIB)


def run_reminder_job(monkeypatch, at: datetime) -> int:
    """Run the job the ``sop_reminders`` schedule runs, with the clock at ``at``."""
    monkeypatch.setattr(sla, "now", lambda: at)
    return send_reminders()


def bantul_text(**replacements: str) -> str:
    text = bundled_definitions()["kapanewon_bantul"].read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new, 1)
    return text


STAGED = {
    'records = ["Disimpan dalam bentuk softcopy dan hardcopy"]': (
        'records = ["Disimpan dalam bentuk softcopy dan hardcopy"]\nreminders = [0.8, 1.0]'
    ),
}
WITH_SEKRETARIS = {
    '[[roles]]\nkey = "panewu"': (
        '[[roles]]\nkey = "sekretaris"\nname = "Sekretaris Kapanewon"\ninferred = true\n\n'
        '[[roles]]\nkey = "panewu"'
    ),
    'kind = "publication"': 'kind = "publication"\nescalate_to = "sekretaris"',
}


def bantul_with(tmp_path, replacements: dict[str, str]):
    """Kapanewon Bantul, its SOP re-installed from a file with ``replacements``."""
    bantul = create_with_sop("kapanewon_bantul")
    path = tmp_path / "kapanewon_bantul.toml"
    path.write_text(bantul_text(**replacements), encoding="utf-8")
    call_command("install_sop", str(path), "--site", bantul.hostname, stdout=StringIO())
    return bantul


def at_step(client, bantul, step: int, title="Kerja bakti Padukuhan Karang"):
    """An item waiting at Bantul's step 3 (Panewu, 15 min) or 4 (Pengelola, 5 min) since Friday."""
    page = draft(bantul, title=title)
    submit(as_user(client, bantul.user("pengelola_website")), page)
    if step == 4:
        act(as_user(client, bantul.user("panewu")), page, "approve")
    SopTaskState.objects.filter(pk=current_state(page).pk).update(started_at=FRIDAY_1425)
    mail.outbox.clear()
    return page


def received(user) -> list[str]:
    return [message.subject for message in mail.outbox if user.email in message.to]


@pytest.mark.django_db
def test_an_overdue_panewu_approval_is_reminded_to_the_panewu_and_escalated_to_the_leadership(
    client, monkeypatch
):
    bantul = create_with_sop("kapanewon_bantul")
    page = at_step(client, bantul, 3)
    panewu, admin = bantul.user("panewu"), bantul.user("admin")  # the leadership roles
    manager, reporter = bantul.user("pengelola_website"), bantul.user("peliput")

    run_reminder_job(monkeypatch, monday(7, 50))  # 25 working min of 15: reminder
    run_reminder_job(monkeypatch, monday(8, 0))  # 35 min ≥ 2 × 15: escalation

    assert received(panewu) == [
        "Pengingat: langkah SOP 3 terlambat — Kerja bakti Padukuhan Karang",
        "Eskalasi: langkah SOP 3 terlambat — Kerja bakti Padukuhan Karang",
    ]
    assert received(admin) == ["Eskalasi: langkah SOP 3 terlambat — Kerja bakti Padukuhan Karang"]
    assert received(manager) == []
    assert received(reporter) == []
    escalation = mail.outbox[-1].body
    assert (
        "dieskalasikan kepada Anda (Panewu, Admin Instansi) sebagai peran di atas pelaksananya"
        in escalation
    )
    assert "Terlambat 20 menit waktu kerja" in escalation
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in escalation


@pytest.mark.django_db
def test_a_step_with_escalate_to_escalates_to_that_role_only(client, monkeypatch, tmp_path):
    bantul = bantul_with(tmp_path, WITH_SEKRETARIS)
    at_step(client, bantul, 4)  # the Pengelola Website's publication step, 5 min
    sekretaris, panewu = bantul.user("sekretaris"), bantul.user("panewu")
    manager = bantul.user("pengelola_website")

    assert run_reminder_job(monkeypatch, monday(7, 31)) == 1  # 6 of 5 min: reminded
    run_reminder_job(monkeypatch, monday(7, 40))  # 15 min ≥ 2 × 5: escalated

    assert received(manager) == [
        "Pengingat: langkah SOP 4 terlambat — Kerja bakti Padukuhan Karang"
    ]
    assert received(sekretaris) == [
        "Eskalasi: langkah SOP 4 terlambat — Kerja bakti Padukuhan Karang"
    ]
    assert received(panewu) == []
    assert "kepada Anda (Sekretaris Kapanewon) sebagai peran" in mail.outbox[-1].body


@pytest.mark.django_db
def test_staged_reminders_are_sent_once_each_naming_the_time_left_then_over(
    client, monkeypatch, tmp_path
):
    bantul = bantul_with(tmp_path, STAGED)
    at_step(client, bantul, 3)
    panewu = bantul.user("panewu")

    for at in (monday(7, 37), monday(7, 38), monday(7, 41), monday(7, 42)):  # 12, 13, 16, 17 min
        run_reminder_job(monkeypatch, at)

    assert received(panewu) == [
        "Pengingat: waktu langkah SOP 3 hampir habis — Kerja bakti Padukuhan Karang",
        "Pengingat: langkah SOP 3 terlambat — Kerja bakti Padukuhan Karang",
    ]
    assert "Waktu baku: 15 menit. Sisa 3 menit waktu kerja." in mail.outbox[0].body
    assert "Terlambat 1 menit waktu kerja" in mail.outbox[1].body
    stages = SopReminder.objects.order_by("pk").values_list("kind", "stage")
    assert list(stages) == [("reminder", 80), ("reminder", 100)]


@pytest.mark.django_db
def test_without_stages_a_step_is_reminded_only_when_its_standard_has_passed(client, monkeypatch):
    bantul = create_with_sop("kapanewon_bantul")
    at_step(client, bantul, 3)
    bantul.user("panewu")

    assert run_reminder_job(monkeypatch, monday(7, 39)) == 0  # 14 of 15 min: nothing yet
    assert mail.outbox == []


def problems_of(text: str) -> list[str]:
    return [f"{p.location}: {p.field}: {p.message}" for p in validate(text, file="bantul.toml")]


def test_escalate_to_must_be_a_role_of_the_sop_other_than_the_actor():
    unknown = bantul_text(**{'kind = "publication"': 'kind = "publication"\nescalate_to = "camat"'})
    itself = bantul_text(
        **{'kind = "publication"': 'kind = "publication"\nescalate_to = "pengelola_website"'}
    )
    on_preparation = bantul_text(
        **{'action = "coverage"': 'action = "coverage"\nescalate_to = "panewu"'}
    )

    assert any("escalate_to: Peran “camat” tidak dikenal" in p for p in problems_of(unknown))
    assert any("bukan kepada “pengelola_website” sendiri" in p for p in problems_of(itself))
    assert any(
        "escalate_to: “escalate_to” hanya boleh pada langkah berjenis" in p
        for p in problems_of(on_preparation)
    )


def test_reminder_stages_must_increase_and_survive_a_round_trip():
    backwards = bantul_text(
        **{'records = ["Disimpan': 'reminders = [1.0, 0.8]\nrecords = ["Disimpan'}
    )
    staged = load_definition(bantul_text(**STAGED))

    assert any(
        p.startswith("sop: reminders: Isikan bagian waktu baku yang makin besar")
        for p in problems_of(backwards)
    )
    assert staged.sop.reminders == (0.8, 1.0)
    assert load_definition(dump_definition(staged)).sop.reminders == (0.8, 1.0)
    assert load_definition(dump_definition(staged)).hash == staged.hash
