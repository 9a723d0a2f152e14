"""Publication obligations are kept, visibly (issue 9).

Jenawi's SOP (step 4) obliges six channels and audio, visual and braille versions: a required
channel the item cannot reach is named on the publication task before approval and in the link
report as not sent, with the reason; the report waits for the audio and braille versions and
lists them. Every institution gets a link report, the website link first, also without any
social channel.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from accessibility.tasks import generate_audio, generate_braille
from social_publish.models import LinkReport
from tests.social_support import facebook_channel, run_jobs
from tests.sop_helpers import act, as_user, create_with_sop, current_state, draft, latest, submit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("social_env")]


def approve_modal(client, page) -> str:
    """The publication task's approve modal, as the dashboard and the editor open it."""
    state = current_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])
    response = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
    return response.json()["html"]


@pytest.fixture
def jenawi():
    return create_with_sop("kecamatan_jenawi")


def to_publication_step(client, jenawi, page):
    writer, ppid = jenawi.user("admin_website"), jenawi.user("ppid_pelaksana")
    assert submit(as_user(client, writer), page).status_code == 302
    assert act(as_user(client, ppid), page, "approve").status_code == 200
    return as_user(client, writer)


def test_jenawi_publication_task_names_each_required_channel_it_will_not_reach(
    client, jenawi, fake_graph
):
    facebook_channel(jenawi, fake_graph)
    page = draft(jenawi, title="Musyawarah perencanaan pembangunan kecamatan")

    modal = approve_modal(to_publication_step(client, jenawi, page), page)

    assert "Sebelum menerbitkan:" in modal
    assert "Tidak dikirim ke Instagram: Instagram belum terhubung" in modal
    assert "Tidak dikirim ke YouTube: YouTube belum terhubung" in modal
    assert "Tidak dikirim ke X: X belum terhubung" in modal
    assert "Portal Satu Data (CKAN) belum terhubung" in modal
    assert "Tidak dikirim ke Halaman Facebook" not in modal  # connected, and it takes the item
    assert "Versi audio dan braille akan dibuat otomatis" in modal


def test_jenawi_link_report_waits_for_audio_and_braille_and_says_what_was_not_sent(
    client, jenawi, fake_graph, django_capture_on_commit_callbacks
):
    facebook_channel(jenawi, fake_graph)
    page = draft(jenawi, title="Musyawarah perencanaan pembangunan kecamatan")
    writer = to_publication_step(client, jenawi, page)

    assert act(writer, page, "approve").status_code == 200
    (row,) = run_jobs(page)
    assert latest(page).live
    assert row.state == "sent"
    assert not LinkReport.objects.filter(page_id=page.pk).exists()  # versions not made yet

    with django_capture_on_commit_callbacks(execute=True):
        generate_audio(page.pk)
    assert not LinkReport.objects.filter(page_id=page.pk).exists()  # braille still missing
    with django_capture_on_commit_callbacks(execute=True):
        generate_braille(page.pk)

    report = LinkReport.objects.get(page_id=page.pk)
    kinds = [link["kind"] for link in report.links]
    assert kinds == ["website", "facebook", "audio", "braille"]
    assert report.links[0]["permalink"] == latest(page).get_full_url()
    assert report.links[2]["permalink"].endswith(".mp3")
    not_sent = {f["kind"]: f["error"] for f in report.failures if f["state"] == "not_sent"}
    assert sorted(not_sent) == ["ckan", "instagram", "x", "youtube"]
    assert "YouTube belum terhubung" in not_sent["youtube"]
    (message,) = mail.outbox[-1:]
    assert "Tidak dikirim:" in message.body
    assert "Versi audio" in message.body
    assert "Versi braille" in message.body


def test_a_connected_instagram_without_an_image_is_reported_as_not_sent_and_why(
    client, jenawi, fake_graph
):
    from tests.social_support import instagram_channel

    instagram_channel(jenawi, fake_graph)
    page = draft(jenawi, title="Pengumuman jadwal pelayanan", share_image=None)

    modal = approve_modal(to_publication_step(client, jenawi, page), page)

    assert "Tidak dikirim ke Instagram: Instagram hanya menerima unggahan bergambar" in modal


def test_the_link_report_is_made_with_the_website_link_when_no_channel_was_used(
    client, django_capture_on_commit_callbacks
):
    bantul = create_with_sop("kapanewon_bantul")
    page = draft(bantul, title="Penyaluran bantuan pangan")
    submit(as_user(client, bantul.user("pengelola_website")), page)
    act(as_user(client, bantul.user("panewu")), page, "approve")

    with django_capture_on_commit_callbacks(execute=True):
        act(as_user(client, bantul.user("pengelola_website")), page, "approve")

    report = LinkReport.objects.get(page_id=page.pk)
    assert report.links == [
        {"channel": "Website", "kind": "website", "permalink": latest(page).get_full_url()}
    ]
    assert latest(page).get_full_url() in mail.outbox[-1].body


def test_jenawi_definition_reads_its_required_channels():
    from sop_workflow.definition import bundled_definitions, load_definition

    jenawi = load_definition(bundled_definitions()["kecamatan_jenawi"])

    assert jenawi.step(4).required_channels == (
        "website",
        "instagram",
        "facebook",
        "youtube",
        "x",
        "satu_data",
    )


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        (
            'channels = ["website", "instagram", "facebook", "youtube", "x", "satu_data"]',
            'channels = ["website", "facebook"]',
            "required_channels",
            "required_channels harus termasuk dalam channels langkah ini; tidak tercantum: "
            "instagram, youtube, x, satu_data.",
        ),
    ],
)
def test_a_required_channel_outside_the_step_s_channels_is_refused(old, new, field, message):
    from django.utils import translation

    from sop_workflow.definition import bundled_definitions, validate

    text = bundled_definitions()["kecamatan_jenawi"].read_text(encoding="utf-8")
    assert old in text
    with translation.override("id"):
        problems = validate(text.replace(old, new, 1))

    assert [(p.field, p.message) for p in problems] == [(field, message)]


def test_a_classification_code_needs_classification_on_the_archive_step():
    from django.utils import translation

    from sop_workflow.definition import bundled_definitions, validate

    text = bundled_definitions()["dpmk_bantul"].read_text(encoding="utf-8")
    old = 'archive = { classification = true, classification_code = "400.14.2" }'
    assert old in text
    with translation.override("id"):
        problems = validate(text.replace(old, 'archive = { classification_code = "400.14.2" }'))

    assert [(p.field, p.message) for p in problems] == [
        ("archive", "archive.classification_code memerlukan archive.classification = true.")
    ]
