"""Approving from the dashboard's workflow modal cannot publish a page lacking alt text."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from accessibility.publishing import publication_problems
from home.models import InstitutionRole

pytestmark = pytest.mark.django_db


def body(image, alt):
    return [
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": alt, "decorative": False},
                "caption": "",
                "credit": "",
            },
        }
    ]


@pytest.fixture
def in_review(bantul):
    """A draft whose image has no alt text, in a one-step approval workflow."""
    workflow = Workflow.objects.create(name="Persetujuan Bantul")
    task = GroupApprovalTask.objects.create(name="Persetujuan")
    task.groups.set([InstitutionRole.objects.get(site=bantul.site, key="penyetuju").group])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=bantul.home)
    photo = bantul.image("Rapat", "Rapat warga di balai")
    page = bantul.news("Rapat warga", publish=False, body=body(photo, ""))
    workflow.start(page, bantul.user("penulis"))
    page.photo = photo  # for the test that fixes the alt text
    return bantul, page


def approve(client, page):
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])
    return client.post(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest")


def test_modal_approval_is_refused_and_rolled_back(client, in_review):
    bantul, page = in_review
    client.force_login(bantul.user("penyetuju"))

    response = approve(client, page)
    page.refresh_from_db()

    assert response.status_code == 403
    assert page.live_revision is None  # nothing was published
    assert page.current_workflow_state.status == "in_progress"
    assert "Rapat" in publication_problems(page.current_workflow_task_state)[0]


def test_once_the_alt_text_is_written_the_approval_publishes(client, in_review):
    bantul, page = in_review
    draft = page.get_latest_revision_as_object()
    draft.body = body(page.photo, "Warga bermusyawarah di balai kalurahan")
    draft.save_revision()
    client.force_login(bantul.user("penyetuju"))

    approve(client, page)
    page.refresh_from_db()

    assert page.live_revision == page.get_latest_revision()
    assert publication_problems(page.workflow_states.latest("pk").task_states.last()) == []
