"""`seed_demo` loads the five SOP institutions and the two regencies above three of them, a user
per role and illustrated news, once."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site, TaskState, WorkflowPage, WorkflowState

from home.models import InstitutionRole, InstitutionSettings, NewsPage
from sop_workflow.models import (
    ArchiveRecord,
    Disposition,
    InstalledSop,
    IntakeRegisterEntry,
    SopReminder,
    StepTiming,
)
from sop_workflow.timekeeping.sla import sla_of_task_state
from sop_workflow.timekeeping.working_time import calendar_for_site
from tests.institutions import host_client
from tests.worker import broker_tasks

HOSTS = {"bantul", "bunder", "dpmk", "jenawi", "ketapang", "bantulkab", "gunungkidulkab"}


def workflow_states(site, status: str):
    pages = NewsPage.objects.descendant_of(site.root_page).values_list("pk", flat=True)
    return WorkflowState.objects.filter(object_id__in=[str(pk) for pk in pages], status=status)


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", "--allow-without-debug", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_seed_demo_builds_the_institutions_and_is_safe_to_rerun(client):
    seed()
    counts = (NewsPage.objects.count(), get_user_model().objects.count())

    second = seed()

    assert {
        site.hostname.split(".")[0] for site in Site.objects.filter(hostname__endswith=".localhost")
    } == HOSTS
    assert counts[0] >= 12
    assert counts == (NewsPage.objects.count(), get_user_model().objects.count())
    assert "tidak ada perubahan" in second
    for site in Site.objects.filter(hostname__endswith=".localhost"):
        installed = InstalledSop.current_for_site(site)
        assert installed is not None
        assert installed.workflow.active
        assert WorkflowPage.objects.get(page=site.root_page).workflow == installed.workflow
    panewu = get_user_model().objects.get(username="bantul.panewu")
    assert panewu.check_password("demo-sop-2026")
    assert (
        panewu.groups.get()
        == InstitutionRole.objects.get(site__hostname="bantul.localhost", key="panewu").group
    )
    for page in NewsPage.objects.live():
        assert page.share_image
        assert page.share_image_alt.strip()
        institution = InstitutionSettings.objects.get(site=page.get_site())
        assert page.share_image.collection == institution.collection
    html = host_client(client, "jenawi.localhost").get("/").content.decode()
    assert "Kecamatan Jenawi" in html
    assert 'class="card"' in html
    # The Seksi of Bunder finds the demo disposition on the dashboard, once.
    client.force_login(get_user_model().objects.get(username="bunder.seksi"))
    dashboard = host_client(client, "bunder.localhost").get("/admin/").content.decode()
    assert dashboard.count("Liputan Posyandu Balita Padukuhan Bunder") == 1
    # A carried-out trail too: the Seksi passed it on and the Admin Medsos wrote the draft.
    client.force_login(get_user_model().objects.get(username="bunder.ketua_ppid"))
    trail = host_client(client, "bunder.localhost").get(reverse("sop_workflow_dispositions:index"))
    listing = trail.content.decode()
    assert "Liputan Musyawarah Padukuhan tentang Jadwal Ronda" in listing
    assert "Diteruskan" in listing
    assert "Draf sudah ditulis" in listing
    assert NewsPage.objects.filter(
        title="Liputan Musyawarah Padukuhan tentang Jadwal Ronda"
    ).exists()
    # Bunder's items answer their dispositions: each instruction step timed on its own, and
    # the chains of the published ones closed when they went live.
    bunder = Site.objects.get(hostname="bunder.localhost")
    labels = set(StepTiming.objects.filter(site=bunder).values_list("step_label", flat=True))
    assert {"1", "2", "3"} <= labels
    assert "1–3" not in labels
    published = Disposition.objects.filter(site=bunder, status="published")
    assert published.count() >= 16  # two instructions per published item
    assert all(d.closed_at < timezone.now() - timedelta(hours=1) for d in published)


@pytest.mark.django_db
def test_seed_demo_refuses_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG=True"):
        call_command("seed_demo", stdout=StringIO())
    assert not get_user_model().objects.filter(username="operator").exists()


@pytest.mark.django_db
def test_seed_demo_puts_each_institution_to_work_in_its_own_sop(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):  # the jobs queued after the commit
        output = seed()
    counts = (TaskState.objects.count(), StepTiming.objects.count(), SopReminder.objects.count())

    assert "tidak ada perubahan" in seed()
    assert counts == (
        TaskState.objects.count(),
        StepTiming.objects.count(),
        SopReminder.objects.count(),
    )
    now = timezone.now()
    for site in Site.objects.filter(hostname__endswith=".localhost"):
        installed = InstalledSop.current_for_site(site)
        tasks = list(installed.workflow.tasks.all())
        waiting = list(workflow_states(site, "in_progress"))
        # one item waiting at each task of the SOP
        assert sorted(w.current_task_state.task_id for w in waiting) == sorted(t.pk for t in tasks)
        rejected = workflow_states(site, "needs_changes").get()
        assert rejected.current_task_state.comment.startswith("Lengkapi unsur 5W+1H")
        assert rejected.requested_by.username.startswith(site.hostname.split(".")[0] + ".")
        done = workflow_states(site, "approved")
        assert done.count() >= 8
        # the completed runs spread over three months, in office hours, some steps late
        timings = StepTiming.objects.filter(site=site, finished_at__isnull=False)
        months = {timezone.localtime(t.started_at).strftime("%Y-%m") for t in timings}
        assert len(months) >= 3
        assert min(t.started_at for t in timings) < now - timedelta(days=80)
        calendar = calendar_for_site(site)
        assert all(calendar.is_working_time(t.started_at) for t in timings)
        if not all(task.specific.standard_tentative for task in tasks):
            late = [t for t in timings if t.working_seconds > (t.standard_max_seconds or 10**9)]
            assert 0 < len(late) < timings.count() / 2
            standings = [sla_of_task_state(w.current_task_state.specific).status for w in waiting]
            assert standings.count("overdue") == 1
            assert "on-track" in standings or "due-soon" in standings
            assert SopReminder.objects.filter(site=site, kind="reminder").count() == 1
        drafts = NewsPage.objects.descendant_of(site.root_page).filter(slug__startswith="alur-")
        in_workflow = {int(w.object_id) for w in WorkflowState.objects.all()}
        assert len([page for page in drafts if page.pk not in in_workflow]) == 2
    scheduled = NewsPage.objects.filter(slug__startswith="alur-", live=False, go_live_at__gt=now)
    assert scheduled.count() == 4  # Ketapang's SOP publishes immediately
    assert all(page.get_latest_revision().approved_go_live_at for page in scheduled)
    # DPMK's agenda (intake) and archive numbers follow the order of the work
    dpmk = Site.objects.get(hostname="dpmk.localhost")
    agenda = IntakeRegisterEntry.objects.filter(site=dpmk).order_by("registered_at")
    assert [entry.number for entry in agenda] == list(range(1, agenda.count() + 1))
    assert agenda.count() >= 13  # eight completed, three waiting, rejected, scheduled
    archive = ArchiveRecord.objects.filter(site=dpmk).order_by("published_at")
    assert [record.number for record in archive] == list(range(1, archive.count() + 1))
    assert archive.count() >= 8  # each completed item, filed by the operator's to-do (step 5)
    assert all(record.archive_number.startswith("400.14.2/") for record in archive)
    # the audio and braille versions of every live page are queued for the worker
    queued = {(task["func"], task["args"][0]) for task in broker_tasks() if task.get("args")}
    for page in NewsPage.objects.live():
        assert ("accessibility.tasks.generate_audio", page.pk) in queued
        assert ("accessibility.tasks.generate_braille", page.pk) in queued
    assert "versi audio dan braille" in output
    assert "sedang dibuat oleh worker" in output


@pytest.mark.django_db
def test_the_demo_regencies_oversee_their_institutions_and_offer_an_article(client):
    seed()
    parents = {
        settings.site.hostname.split(".")[0]: settings.parent and settings.parent.hostname
        for settings in InstitutionSettings.objects.select_related("site", "parent")
    }
    assert parents == {
        "bantul": "bantulkab.localhost",
        "dpmk": "bantulkab.localhost",
        "bunder": "gunungkidulkab.localhost",
        "jenawi": None,
        "ketapang": None,
        "bantulkab": None,
        "gunungkidulkab": None,
    }
    # Bantul's oversight user reads the roll-up of Bantul's institutions, and no other
    pengawas = get_user_model().objects.get(username="bantulkab.pengawas")
    assert pengawas.check_password("demo-sop-2026")
    client.force_login(pengawas)
    rollup = host_client(client, "bantulkab.localhost").get(reverse("oversight:rollup"))
    rows = rollup.content.decode().split('<table class="listing', 1)[1].split("</table>")[0]
    assert "Kapanewon Bantul" in rows
    assert "Dinas Pemberdayaan Masyarakat dan Kalurahan" in rows
    for other in ("Kalurahan Bunder", "Jenawi", "Ketapang", "Gunungkidul"):
        assert other not in rows
    bunder = Site.objects.get(hostname="bunder.localhost")
    overview = reverse("oversight:institution", args=[bunder.pk])
    assert client.get(overview).status_code == 404
    # the regency's announcement is offered: Kapanewon Bantul's writer sees it on the dashboard
    title = "Pemkab Bantul Umumkan Jadwal Perekaman KTP-el Keliling di Kapanewon"
    client.force_login(get_user_model().objects.get(username="bantul.peliput"))
    dashboard = host_client(client, "bantul.localhost").get("/admin/").content.decode()
    assert "Artikel yang ditawarkan kepada Kapanewon Bantul" in dashboard
    assert title in dashboard
    client.force_login(get_user_model().objects.get(username="jenawi.ppid_pelaksana"))
    assert title not in host_client(client, "jenawi.localhost").get("/admin/").content.decode()
    assert "bantulkab.pengawas" in seed_list()


def seed_list() -> str:
    out = StringIO()
    call_command("seed_demo", "--list", stdout=out)
    return out.getvalue()
