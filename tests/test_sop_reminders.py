"""Overdue SOP steps are reminded once and escalated once, in working time, by django-q2."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django_q.models import Schedule
from django_q.tasks import async_task

from sop_workflow.models import SopReminder, SopTaskState
from sop_workflow.timekeeping.reminders import send_due_follow_ups
from tests.sop_helpers import act, as_user, create_with_sop, current_state, draft, submit
from tests.worker import wait_until

WIB = ZoneInfo("Asia/Jakarta")
FRIDAY_1425 = datetime(2025, 2, 28, 14, 25, tzinfo=WIB)  # the office closes at 14:30


def waiting_for_panewu(client, title="Kerja bakti Padukuhan Karang"):
    """A Bantul item at step 3 (Panewu, standard 15 min) since Friday 14:25 WIB."""
    bantul = create_with_sop("kapanewon_bantul")
    page = draft(bantul, title=title)
    submit(as_user(client, bantul.user("pengelola_website")), page)
    SopTaskState.objects.filter(pk=current_state(page).pk).update(started_at=FRIDAY_1425)
    return bantul, page


@pytest.mark.django_db
def test_nothing_is_sent_before_the_standard_passes_in_working_time(client):
    waiting_for_panewu(client)

    sent = send_due_follow_ups(at=datetime(2025, 3, 3, 7, 35, tzinfo=WIB))  # 10 working min

    assert sent == []
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_group_is_reminded_once_in_indonesian_with_a_link_to_the_task(client):
    bantul, page = waiting_for_panewu(client)
    panewu = bantul.user("panewu")
    monday_0750 = datetime(2025, 3, 3, 7, 50, tzinfo=WIB)  # 25 working minutes: overdue

    send_due_follow_ups(at=monday_0750)
    send_due_follow_ups(at=monday_0750 + timedelta(minutes=2))

    assert [message.to for message in mail.outbox] == [[panewu.email]]
    message = mail.outbox[0]
    assert message.subject.startswith("Pengingat: langkah SOP 3 terlambat")
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in message.body
    assert "Terlambat 10 menit waktu kerja" in message.body


@pytest.mark.django_db
def test_past_the_escalation_factor_the_leadership_is_told_once_not_the_next_actor(
    client, settings
):
    settings.SOP_ESCALATION_FACTOR = 3
    bantul, page = waiting_for_panewu(client)
    manager = bantul.user("pengelola_website")  # actor of the next task (step 4): not above
    panewu = bantul.user("panewu")  # the leadership role of Kapanewon Bantul

    send_due_follow_ups(at=datetime(2025, 3, 3, 8, 0, tzinfo=WIB))  # 35 min < 3 × 15
    send_due_follow_ups(at=datetime(2025, 3, 3, 8, 20, tzinfo=WIB))  # 55 min ≥ 45
    send_due_follow_ups(at=datetime(2025, 3, 3, 9, 0, tzinfo=WIB))

    kinds = list(SopReminder.objects.order_by("pk").values_list("kind", "recipients"))
    assert kinds == [("reminder", [panewu.email]), ("escalation", [panewu.email])]
    assert manager.email not in {to for message in mail.outbox for to in message.to}
    assert mail.outbox[-1].subject.startswith("Eskalasi:")


@pytest.mark.django_db
def test_the_last_step_escalates_to_the_leadership_roles(client):
    bantul, page = waiting_for_panewu(client)
    act(as_user(client, bantul.user("panewu")), page, "approve")  # now step 4
    SopTaskState.objects.filter(pk=current_state(page).pk).update(started_at=FRIDAY_1425)
    panewu = bantul.user("panewu")  # leadership

    send_due_follow_ups(at=datetime(2025, 3, 3, 9, 0, tzinfo=WIB))

    escalation = SopReminder.objects.get(kind="escalation")
    assert panewu.email in escalation.recipients


@pytest.mark.django_db
def test_reminders_are_a_django_q_schedule():
    schedule = Schedule.objects.get(name="sop_reminders")

    assert schedule.func == "sop_workflow.tasks.send_reminders"
    assert schedule.schedule_type == Schedule.MINUTES


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_qcluster_sends_the_reminder_and_escalation(client, qcluster, tmp_path):  # noqa: F811
    bantul, page = waiting_for_panewu(client)
    panewu = bantul.user("panewu")
    state_pk = current_state(page).pk

    async_task("sop_workflow.tasks.send_reminders")

    assert wait_until(lambda: SopReminder.objects.filter(task_state_id=state_pk).count() == 2)
    reminder = SopReminder.objects.get(task_state_id=state_pk, kind="reminder")
    assert reminder.recipients == [panewu.email]
