"""The SOP cannot be bypassed: no SOP role may publish from the editor; approving the
publication step is what makes a page live."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, PageLogEntry

from home.models import InstitutionRole
from tests.sop_helpers import act, as_user, create_with_sop, draft, edit_data, latest, submit

pytestmark = pytest.mark.django_db


def publishers(inst) -> set[str]:
    return set(
        InstitutionRole.objects.filter(
            site=inst.site,
            group__page_permissions__permission__codename="publish_page",
        ).values_list("key", flat=True)
    )


def test_no_role_of_an_sop_institution_may_publish_directly():
    bantul = create_with_sop("kapanewon_bantul")

    assert publishers(bantul) == set()
    assert InstitutionRole.objects.filter(site=bantul.site, key="admin").exists()


def test_the_publication_role_sees_no_publish_button_and_a_publish_post_stays_a_draft(client):
    bantul = create_with_sop("kapanewon_bantul")
    page = draft(bantul)
    as_user(client, bantul.user("pengelola_website"))
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    editor = client.get(edit_url).content.decode()
    client.post(edit_url, {**edit_data(page, title="Terbit tanpa SOP"), "action-publish": "1"})

    assert 'name="action-publish"' not in editor
    assert not latest(page).live
    assert latest(page).get_latest_revision_as_object().title == "Terbit tanpa SOP"


def test_approving_the_publication_task_publishes_as_the_approver(client):
    bantul = create_with_sop("kapanewon_bantul")
    manager = bantul.user("pengelola_website")
    page = draft(bantul)
    submit(as_user(client, manager), page)
    act(as_user(client, bantul.user("panewu")), page, "approve")

    response = act(as_user(client, manager), page, "approve")

    assert response.status_code == 200
    assert latest(page).live
    published = PageLogEntry.objects.get(page_id=page.pk, action="wagtail.publish")
    assert published.user == manager


def test_a_scheduled_item_is_scheduled_not_published_when_the_sop_allows_it(client):
    bantul = create_with_sop("kapanewon_bantul")
    manager = bantul.user("pengelola_website")
    page = draft(bantul)
    submit(as_user(client, manager), page)
    act(as_user(client, bantul.user("panewu")), page, "approve")
    revision = latest(page).get_latest_revision()
    revision.content["go_live_at"] = (timezone.now() + timedelta(days=2)).isoformat()
    revision.save()

    act(as_user(client, manager), page, "approve")

    assert not latest(page).live
    assert latest(page).get_latest_revision().approved_go_live_at is not None


def test_reinstalling_takes_back_publish_permission_given_before_and_is_idempotent(bunder):
    call_command("install_sop", "kalurahan_bunder", "--site", bunder.hostname, stdout=StringIO())
    ketua = InstitutionRole.objects.get(site=bunder.site, key="ketua_ppid")
    GroupPagePermission.objects.create(
        group=ketua.group, page=bunder.home, permission_id=publish_permission_id()
    )

    first, second = StringIO(), StringIO()
    call_command("install_sop", "kalurahan_bunder", "--site", bunder.hostname, stdout=first)
    call_command("install_sop", "kalurahan_bunder", "--site", bunder.hostname, stdout=second)

    assert publishers(bunder) == set()  # also the default 'penyetuju' the site started with
    assert "publish_page" in first.getvalue()
    assert "tidak ada perubahan" in second.getvalue()


def publish_permission_id() -> int:
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page").pk
