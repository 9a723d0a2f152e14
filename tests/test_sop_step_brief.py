"""The actor of a task sees, beside the actions, what the SOP asks at that step: requirements,
output and standard time with the working time left — in the task modal and the editor."""

import pytest
from django.urls import reverse

from tests.sop_helpers import as_user, create_with_sop, current_state, draft, submit

pytestmark = pytest.mark.django_db

STEP_3_REQUIREMENTS = "Materi berita, foto dan video yang sudah terpilih"
STEP_3_OUTPUT = "Materi berita, foto dan video yang sudah disetujui Panewu"


def submitted_to_panewu(client):
    bantul = create_with_sop("kapanewon_bantul")
    page = draft(bantul)
    submit(as_user(client, bantul.user("pengelola_website")), page)
    return bantul, page


def test_the_approval_modal_shows_the_steps_requirements_output_and_time_left(client):
    bantul, page = submitted_to_panewu(client)
    state = current_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])

    response = as_user(client, bantul.user("panewu")).get(
        url, headers={"x-requested-with": "XMLHttpRequest"}
    )

    html = response.json()["html"]
    assert "Langkah 3" in html
    assert f"<dt>Kelengkapan</dt><dd>{STEP_3_REQUIREMENTS}</dd>" in html
    assert f"<dt>Output</dt><dd>{STEP_3_OUTPUT}</dd>" in html
    assert "15 menit — Sisa" in html
    assert "waktu kerja" in html


def test_the_editor_shows_the_brief_to_the_tasks_actor_only(client):
    bantul, page = submitted_to_panewu(client)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])

    shown = as_user(client, bantul.user("panewu")).get(edit).content.decode()
    assert "<strong>Yang diminta SOP pada langkah ini:</strong>" in shown
    assert f"Kelengkapan: {STEP_3_REQUIREMENTS}" in shown

    shown = as_user(client, bantul.user("pengelola_website")).get(edit).content.decode()
    assert "Yang diminta SOP pada langkah ini:" not in shown
