"""After-publication steps a person performs are to-dos on the named roles' dashboards.

Bunder 10–11: the link report reaches the Seksi, who passes the links to the Ketua PPID, who
receives them and closes the item (SELESAI). DPMK 5: the operator files the press release,
which gives the archive number with DPMK's own classification code. Each to-do is one click
(POST with CSRF), says what it did, is timed as its own step and is kept in the page's history.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from social_publish.models import LinkReport
from sop_workflow.definition import load_definition
from sop_workflow.models import ArchiveRecord, FollowUpTodo, StepTiming
from sop_workflow.records.archive import classification_code
from tests.social_support import facebook_channel, run_jobs
from tests.sop_helpers import act, as_user, create_with_sop, draft, latest, submit
from tests.test_sop_archive import publish_dpmk_unfiled, publish_through_dpmk

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("social_env")]
TITLE = "Posyandu balita Padukuhan Karang"


def dashboard(user) -> str:
    return as_user(Client(), user).get(reverse("wagtailadmin_home")).content.decode()


def click(user, todo) -> str:
    """The to-do's button on the dashboard, posted as a browser does (with the form's CSRF
    token, or the form's action directly when the dashboard shows no button); returns the page
    the browser lands on."""
    client = Client(enforce_csrf_checks=True)
    as_user(client, user)
    board = client.get(reverse("wagtailadmin_home")).content.decode()
    url = reverse("sop_workflow:follow_up_done", args=[todo.pk])
    form = re.search(rf'action="{re.escape(url)}">\s*<input[^>]*value="([^"]+)"', board)
    token = form.group(1) if form else client.cookies["csrftoken"].value
    response = client.post(url, {"csrfmiddlewaretoken": token}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    return response.content.decode()


def test_the_dashboard_button_posts_with_the_form_s_own_csrf_token(client, fake_graph):
    dpmk = create_with_sop("dpmk_bantul")
    operator = dpmk.user("operator_website")
    page = publish_dpmk_unfiled(client, dpmk, title="Bimtek BUMKal 2025")
    todo = FollowUpTodo.objects.get(page_id=page.pk)
    browser = as_user(Client(enforce_csrf_checks=True), operator)
    board = browser.get(reverse("wagtailadmin_home")).content.decode()
    url = reverse("sop_workflow:follow_up_done", args=[todo.pk])
    token = re.search(rf'action="{re.escape(url)}">\s*<input[^>]*value="([^"]+)"', board)

    assert token is not None
    assert browser.post(url, {"csrfmiddlewaretoken": token.group(1)}).status_code == 302
    assert browser.post(url, {}).status_code == 403  # no token, no filing


def publish_through_bunder(client, bunder):
    admin, seksi, ketua = (bunder.user(k) for k in ("admin_medsos", "seksi", "ketua_ppid"))
    page = draft(bunder, title=TITLE)
    submit(as_user(client, admin), page)
    act(as_user(client, seksi), page, "approve")
    act(as_user(client, ketua), page, "approve")
    act(as_user(client, seksi), page, "approve", channels=["website", "facebook"])
    act(as_user(client, admin), page, "approve")
    assert latest(page).live
    return page


def test_bunder_links_go_to_the_seksi_then_the_ketua_who_closes_the_item(client, fake_graph):
    bunder = create_with_sop("kalurahan_bunder")
    facebook_channel(bunder, fake_graph)
    seksi, ketua = bunder.user("seksi"), bunder.user("ketua_ppid")
    page = publish_through_bunder(client, bunder)
    step_10, step_11 = FollowUpTodo.objects.filter(page_id=page.pk).order_by("step_number")
    assert "Teruskan tautan" not in dashboard(seksi)  # the report has not arrived yet

    (row,) = run_jobs(page)
    report = LinkReport.objects.get(page_id=page.pk)

    seksi_board = dashboard(seksi)
    assert "Setelah tayang" in seksi_board
    assert row.permalink in seksi_board
    assert "Teruskan tautan" in seksi_board
    assert "Tutup item" not in dashboard(ketua)  # step 11 waits for step 10
    early = click(ketua, step_11)
    assert f"Langkah 11 untuk “{TITLE}” belum dapat dikerjakan" in early

    passed = click(seksi, step_10)
    assert f"Langkah 10 selesai: tautan “{TITLE}” diteruskan ke Ketua PPID." in passed
    ketua_board = dashboard(ketua)
    assert row.permalink in ketua_board
    assert "Tautan diterima: tutup item" in ketua_board

    closed = click(ketua, step_11)
    assert f"Langkah 11 selesai: Anda telah menerima tautan “{TITLE}”." in closed
    assert "Item ditutup (SELESAI)." in closed
    assert "Tautan diterima" not in dashboard(ketua)
    timings = {
        t.step_number: t
        for t in StepTiming.objects.filter(page_id=page.pk, kind="after_publication")
    }
    assert sorted(timings) == [10, 11]
    assert timings[10].started_at == report.sent_at  # timed from the links' arrival
    assert timings[11].started_at == timings[10].finished_at
    # recorded on the item: its history, as a colleague who may open the page (the Ketua only
    # approves through the task and has no page permissions of its own)
    editor = bunder.user("admin_medsos")
    history = as_user(Client(), editor).get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert "Item ditutup (SELESAI)." in history.content.decode()


def test_a_to_do_is_done_once_and_only_by_its_role_of_its_institution(client, fake_graph):
    bunder = create_with_sop("kalurahan_bunder")
    facebook_channel(bunder, fake_graph)
    page = publish_through_bunder(client, bunder)
    run_jobs(page)
    step_10 = FollowUpTodo.objects.get(page_id=page.pk, step_number=10)
    url = reverse("sop_workflow:follow_up_done", args=[step_10.pk])
    outsider = create_with_sop("kapanewon_bantul").user("pengelola_website")

    assert as_user(Client(), outsider).post(url).status_code == 404
    assert as_user(Client(), bunder.user("admin_medsos")).post(url).status_code == 404
    assert as_user(Client(), bunder.user("seksi")).get(url).status_code == 405
    click(bunder.user("seksi"), step_10)
    again = click(bunder.user("seksi"), step_10)

    assert f"Langkah 10 untuk “{TITLE}” sudah diselesaikan oleh" in again
    assert StepTiming.objects.filter(page_id=page.pk, step_number=10).count() == 1


def test_dpmk_files_on_the_operator_s_click_with_its_own_classification_code(client):
    dpmk = create_with_sop("dpmk_bantul")
    operator = dpmk.user("operator_website")
    page = publish_dpmk_unfiled(client, dpmk, title="Bimtek BUMKal 2025")
    assert not ArchiveRecord.objects.exists()  # filing is a person's step, not automatic
    assert "Arsipkan" in dashboard(operator)

    done = click(operator, FollowUpTodo.objects.get(page_id=page.pk, step_number=5))

    record = ArchiveRecord.objects.get(page_id=page.pk)
    assert record.archive_number == f"400.14.2/001/{record.year}"
    assert (
        f"Langkah 5 selesai: “Bimtek BUMKal 2025” diarsipkan dengan nomor arsip "
        f"{record.archive_number}." in done
    )
    assert StepTiming.objects.filter(page_id=page.pk, step_number=5).count() == 1


def test_no_institution_s_archive_takes_another_institution_s_sop_number(client):
    dpmk = create_with_sop("dpmk_bantul")
    publish_through_dpmk(client, dpmk)
    bantul_number = "B/000.8.3.2/00767"  # Kapanewon Bantul's SOP number
    text = f"""
format_version = 1
[sop]
key = "arsip_tanpa_kode"
number = "{bantul_number}"
title = "SOP dengan arsip"
institution = "Kalurahan Contoh"
institution_type = "kalurahan"
[[roles]]
key = "operator"
name = "Operator"
drafts = true
submits = true
[[steps]]
number = 1
description = "Menerbitkan"
actor = "operator"
kind = "publication"
time = "5 min"
[[steps]]
number = 2
description = "Mengarsipkan"
actor = "operator"
kind = "after_publication"
action = "archive"
archive = {{ classification = true }}
time = "5 min"
"""

    assert classification_code(load_definition(text)) == ""
    assert ArchiveRecord.objects.get().classification_code == "400.14.2"


def test_each_to_do_s_role_is_e_mailed_when_its_step_becomes_theirs(
    client, fake_graph, monkeypatch, django_capture_on_commit_callbacks
):
    """Bunder 10–11 by e-mail: the Seksi hears when the link report arrives (with the links),
    the Ketua PPID when the Seksi passes them on; each once, in Indonesian."""
    monkeypatch.setattr("django_q.conf.Conf.SYNC", True)
    bunder = create_with_sop("kalurahan_bunder")
    facebook_channel(bunder, fake_graph)
    seksi, ketua = bunder.user("seksi"), bunder.user("ketua_ppid")
    page = publish_through_bunder(client, bunder)
    step_10 = FollowUpTodo.objects.get(page_id=page.pk, step_number=10)

    def mails_to(user):
        return [m for m in mail.outbox if user.email in m.to and "Langkah" in m.subject]

    assert mails_to(seksi) == []  # nothing is theirs before the report arrives
    with django_capture_on_commit_callbacks(execute=True):
        (row,) = run_jobs(page)
    (to_seksi,) = mails_to(seksi)
    assert to_seksi.subject == f"Langkah 10 untuk Anda: {TITLE}"
    assert f"“{TITLE}” telah terbit. Langkah 10 SOP Anda sekarang giliran Anda" in to_seksi.body
    assert "Tautan yang dilaporkan:" in to_seksi.body
    assert row.permalink in to_seksi.body
    assert page.get_full_url() in to_seksi.body  # the website link, first
    assert "Tandai selesai di dasbor Anda: http://testserver/admin/" in to_seksi.body
    assert mails_to(ketua) == []

    with django_capture_on_commit_callbacks(execute=True):
        click(seksi, step_10)
    (to_ketua,) = mails_to(ketua)
    assert to_ketua.subject == f"Langkah 11 untuk Anda: {TITLE}"
    assert row.permalink in to_ketua.body
    assert len(mails_to(seksi)) == 1  # told once
