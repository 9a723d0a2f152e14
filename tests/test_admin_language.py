"""The admin speaks Indonesian to institution users, from the login page on."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_login_page_is_indonesian(client):
    html = client.get(reverse("wagtailadmin_login")).content.decode()

    assert '<html lang="id"' in html
    assert "Masuk" in html
    assert "Kata sandi" in html


def test_dashboard_of_an_editor_is_indonesian(client, bantul):
    client.force_login(bantul.user("penulis"))

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Dasbor" in html
    assert "Dashboard" not in html


def test_moderation_email_is_indonesian_and_operators_are_not_copied(
    client, bantul, django_user_model
):
    from django.core import mail
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    from home.models import InstitutionRole

    django_user_model.objects.create_superuser("operator", "operator@example.go.id", "x")
    approver = bantul.user("penyetuju")
    workflow = Workflow.objects.create(name="SOP Kapanewon Bantul")
    task = GroupApprovalTask.objects.create(name="Persetujuan Panewu")
    task.groups.set([InstitutionRole.objects.get(site=bantul.site, key="penyetuju").group])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=bantul.home)
    page = bantul.news("Pengumuman jadwal posyandu", publish=False)
    client.force_login(bantul.user("penulis"))

    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {
            "title": page.title,
            "slug": page.slug,
            "lead": page.lead,
            "date": "2025-03-01",
            "news_type": "kegiatan",
            "tags": "",
            "body-count": "0",
            "action-submit": "1",
        },
    )

    recipients = [address for message in mail.outbox for address in message.to]
    assert approver.email in recipients
    assert "operator@example.go.id" not in recipients
    subject = next(m.subject for m in mail.outbox if approver.email in m.to)
    assert "Pengumuman jadwal posyandu" in subject
    assert "submitted" not in subject.lower()
    assert "diajukan" in subject.lower()


def test_the_operators_sites_listing_has_indonesian_headings(client, bantul, django_user_model):
    operator = django_user_model.objects.create_superuser("operator-sites", "op@example.test", "x")
    client.force_login(operator)

    html = client.get(reverse("wagtailsites:index")).content.decode()

    assert "Nama situs" in html
    assert "Halaman akar" in html
    assert "Site name" not in html
    assert "Root page" not in html
