"""The dashboard shows each approver their open SOP tasks with the working time left."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from sop_workflow.models import SopTaskState
from sop_workflow.timekeeping import sla
from tests.sop_helpers import as_user, create_with_sop, current_state, draft, submit

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def waiting(client):
    """A Bantul item waiting for the Panewu (standard 15 min) since Friday 14:25 WIB."""
    bantul = create_with_sop("kapanewon_bantul")
    page = draft(bantul, title="Kerja bakti Padukuhan Karang")
    submit(as_user(client, bantul.user("pengelola_website")), page)
    started = datetime(2025, 2, 28, 14, 25, tzinfo=WIB)  # Friday; the office closes at 14:30
    SopTaskState.objects.filter(pk=current_state(page).pk).update(started_at=started)
    return bantul


def dashboard(user, at, monkeypatch) -> str:
    """The dashboard as ``user`` sees it at ``at`` (a fresh browser: no leftover messages)."""
    monkeypatch.setattr(sla, "now", lambda: at)
    return as_user(Client(), user).get(reverse("wagtailadmin_home")).content.decode()


def test_time_left_counts_only_office_hours_across_the_weekend(client, waiting, monkeypatch):
    monday = datetime(2025, 3, 3, 7, 35, tzinfo=WIB)  # 5 min on Friday + 5 min on Monday

    html = dashboard(waiting.user("panewu"), monday, monkeypatch)

    assert "Kerja bakti Padukuhan Karang" in html
    assert "Sisa 5 menit waktu kerja" in html
    assert "sop-task--on-track" in html


def test_a_task_past_its_standard_is_overdue_in_working_time(client, waiting, monkeypatch):
    monday = datetime(2025, 3, 3, 9, 0, tzinfo=WIB)  # 5 + 90 working minutes

    html = dashboard(waiting.user("panewu"), monday, monkeypatch)

    assert "Terlambat 1 jam 20 menit waktu kerja" in html
    assert "sop-task--overdue" in html


def test_other_roles_do_not_see_the_task(client, waiting, monkeypatch):
    html = dashboard(waiting.user("peliput"), datetime.now(WIB), monkeypatch)

    assert "Kerja bakti Padukuhan Karang" not in html


def test_approvers_are_emailed_from_a_background_job(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("django_q.conf.Conf.SYNC", True)
    bantul = create_with_sop("kapanewon_bantul")
    panewu = bantul.user("panewu")
    page = draft(bantul, title="Posyandu balita")

    with django_capture_on_commit_callbacks(execute=True):
        submit(as_user(client, bantul.user("pengelola_website")), page)

    to_panewu = [message for message in mail.outbox if panewu.email in message.to]
    assert len(to_panewu) == 1
    assert "Posyandu balita" in to_panewu[0].subject
