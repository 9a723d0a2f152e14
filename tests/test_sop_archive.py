"""DPMK step 5: a published item is filed with a gapless archive number and a printable record
that only its institution (and operators) can open."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from sop_workflow.definition import bundled_definitions
from sop_workflow.models import ArchiveRecord, FollowUpTodo, StepTiming
from tests.social_support import facebook_channel, run_jobs
from tests.sop_helpers import act, as_user, create_with_sop, draft, latest, submit

pytestmark = pytest.mark.django_db


def publish_dpmk_unfiled(client, dpmk, **fields):
    """Drive a DPMK item through intake, paraf of Kabid/Kasubbag/Sekdin and publication (the
    operator's step-5 filing is left to do)."""
    page = draft(dpmk, **fields)
    submit(as_user(client, dpmk.user("petugas_penerima")), page)
    act(as_user(client, dpmk.user("kabid")), page, "paraf", initials="KB")
    act(as_user(client, dpmk.user("kasubbag")), page, "approve", initials="KS")
    act(as_user(client, dpmk.user("sekdin")), page, "approve", initials="SD")
    act(as_user(client, dpmk.user("operator_website")), page, "approve")
    return page


def publish_through_dpmk(client, dpmk, **fields):
    """:func:`publish_dpmk_unfiled`, then the filing: the operator's step-5 to-do, done from
    the dashboard."""
    page = publish_dpmk_unfiled(client, dpmk, **fields)
    file_in_archive(client, dpmk, page)
    return page


def file_in_archive(client, dpmk, page):
    """The operator's "File in the archive" button on the dashboard (DPMK step 5)."""
    todo = FollowUpTodo.objects.get(page_id=page.pk, action="archive")
    url = reverse("sop_workflow:follow_up_done", args=[todo.pk])
    response = as_user(client, dpmk.user("operator_website")).post(url)
    assert response.status_code == 302
    return response


@pytest.fixture
def dpmk():
    return create_with_sop("dpmk_bantul")


def test_publication_files_the_approved_revision_with_numbers_and_paraf(client, dpmk):
    page = publish_through_dpmk(client, dpmk)

    record = ArchiveRecord.objects.get(page_id=page.pk)
    assert latest(page).live
    assert record.revision == latest(page).live_revision
    assert record.archive_number == f"400.14.2/001/{record.year}"
    assert record.agenda_number == f"001/{record.year}"
    paraf = [p["initials"] for approval in record.approvals for p in approval["paraf"]]
    assert paraf == ["KB", "KS", "SD"]
    assert StepTiming.objects.filter(page_id=page.pk, step_label="5").exists()


def test_archive_numbers_are_gapless_per_institution(client, dpmk):
    first = publish_through_dpmk(client, dpmk)
    second = publish_through_dpmk(client, dpmk)

    numbers = [ArchiveRecord.objects.get(page_id=p.pk).number for p in (first, second)]
    assert numbers == [1, 2]


def test_the_printable_record_is_linked_from_the_page_and_shows_the_approvals(client, dpmk):
    page = publish_through_dpmk(client, dpmk)
    record = ArchiveRecord.objects.get(page_id=page.pk)
    url = reverse("sop_workflow:archive_print", args=[record.pk])
    as_user(client, dpmk.user("kasubbag"))

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    printed = client.get(url).content.decode()

    assert url in editor
    assert record.archive_number in printed
    assert "@media print" in printed
    assert "KB" in printed
    assert "Kepala Bidang asal berita (Kabid)" in printed


def test_other_institutions_cannot_open_the_record_but_operators_can(client, dpmk):
    page = publish_through_dpmk(client, dpmk)
    record = ArchiveRecord.objects.get(page_id=page.pk)
    url = reverse("sop_workflow:archive_print", args=[record.pk])
    outsider = create_with_sop("kapanewon_bantul").user("panewu")
    operator = get_user_model().objects.create_superuser("operator-arsip", "op@example.go.id", "x")

    assert as_user(client, outsider).get(url).status_code == 404
    assert as_user(client, operator).get(url).status_code == 200


def test_an_sop_without_an_archive_step_files_nothing(client):
    bantul = create_with_sop("kapanewon_bantul")
    page = draft(bantul)
    submit(as_user(client, bantul.user("pengelola_website")), page)
    act(as_user(client, bantul.user("panewu")), page, "approve")
    act(as_user(client, bantul.user("pengelola_website")), page, "approve")

    assert latest(page).live
    assert not ArchiveRecord.objects.exists()


@pytest.mark.usefixtures("social_env")
def test_the_website_only_sop_posts_nowhere_else(client, dpmk, fake_graph):
    facebook_channel(dpmk, fake_graph)  # connected, on by default, but the SOP says website
    page = publish_through_dpmk(client, dpmk, title="Bimtek BUMKal 2025")

    assert latest(page).live
    assert run_jobs(page) == []
    assert not fake_graph.posts


def dpmk_with_facebook(tmp_path):
    """DPMK's SOP with Facebook added to its publication channels (an institution's own SOP)."""
    text = bundled_definitions()["dpmk_bantul"].read_text(encoding="utf-8")
    changed = text.replace('channels = ["website"]', 'channels = ["website", "facebook"]')
    assert changed != text
    path = tmp_path / "dpmk_facebook.toml"
    path.write_text(changed, encoding="utf-8")
    dpmk = create_with_sop("dpmk_bantul")
    call_command("install_sop", str(path), "--site", dpmk.hostname, stdout=StringIO())
    return dpmk


@pytest.mark.usefixtures("social_env")
def test_the_link_report_is_kept_with_the_archive_record(client, tmp_path, fake_graph):
    dpmk = dpmk_with_facebook(tmp_path)
    channel = facebook_channel(dpmk, fake_graph)
    page = publish_through_dpmk(client, dpmk, title="Bimtek BUMKal 2025")
    rows = run_jobs(page)  # the worker's job, inline
    assert [row.state for row in rows] == ["sent"]

    record = ArchiveRecord.objects.get(page_id=page.pk)
    [report] = record.link_reports
    assert report["links"] == [
        {"channel": "Website", "kind": "website", "permalink": latest(page).get_full_url()},
        {"channel": str(channel), "kind": "facebook", "permalink": rows[0].permalink},
    ]
    printed = (
        as_user(client, dpmk.user("kasubbag"))
        .get(reverse("sop_workflow:archive_print", args=[record.pk]))
        .content.decode()
    )
    assert "Laporan tautan" in printed
    assert rows[0].permalink in printed
