"""The SOP's preparation checks refuse submission (the draft is kept), are checked again at
every approval, and every task action says what it did — through the real admin views."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Revision, TaskState, WorkflowState

from home.models import InstitutionRole, NewsPage
from tests.sop_helpers import (
    act,
    as_user,
    create_with_sop,
    current_state,
    current_task,
    draft,
    edit_data,
    latest,
    redirect_of,
    save_draft,
    submit,
)

pytestmark = pytest.mark.django_db


def shown_messages(response) -> str:
    """The text of the admin messages on the page a redirect leads to."""
    return response.content.decode()


def editor_action(client, page, action: str, **changes):
    """A task action from the page editor's action menu (the footer's workflow buttons)."""
    data = {
        **edit_data(page, **changes),
        "action-workflow-action": "1",
        "workflow-action-name": action,
        "workflow-action-extra-data": json.dumps({}),
    }
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)


def test_bantul_item_missing_5w1h_is_not_submitted_and_the_message_lists_it(client):
    bantul = create_with_sop("kapanewon_bantul")
    manager = bantul.user("pengelola_website")
    page = draft(bantul, why="", how="")

    response = submit(as_user(client, manager), page, lead="Ringkasan baru dari pengelola.")

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    shown = shown_messages(client.get(response.url))
    assert "belum diajukan" in shown
    assert "5W+1H belum lengkap" in shown
    assert "mengapa" in shown
    assert "bagaimana" in shown
    assert "telah diperbarui" not in shown
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()
    kept = latest(page).get_latest_revision_as_object()
    assert kept.lead == "Ringkasan baru dari pengelola."  # the draft content is saved
    assert latest(page).get_latest_revision().user == manager


def test_a_complete_bantul_item_is_submitted_to_the_panewu(client):
    bantul = create_with_sop("kapanewon_bantul")
    page = draft(bantul)

    response = submit(as_user(client, bantul.user("pengelola_website")), page)

    assert current_task(page).step_number == 3
    shown = shown_messages(client.get(response.url))
    assert "diajukan kepada Panewu untuk langkah 3" in shown


def test_approving_from_the_editor_while_a_check_fails_approves_nothing_and_says_why(client):
    bantul = create_with_sop("kapanewon_bantul")
    manager, panewu = bantul.user("pengelola_website"), bantul.user("panewu")
    page = draft(bantul)
    submit(as_user(client, manager), page)
    operator = get_user_model().objects.create_superuser("operator-uji", "op@example.go.id", "x")
    save_draft(as_user(client, operator), page, why="")  # the content changed in moderation

    response = editor_action(as_user(client, panewu), page, "approve")

    shown = shown_messages(response)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "tidak disetujui pada langkah 3" in shown
    assert "mengapa" in shown
    assert "telah diperbarui" not in shown
    assert current_state(page).status == TaskState.STATUS_IN_PROGRESS
    assert current_task(page).step_number == 3


def test_approving_from_the_editor_names_the_step_and_the_next_role_without_a_new_revision(
    client,
):
    bantul = create_with_sop("kapanewon_bantul")
    page = draft(bantul)
    submit(as_user(client, bantul.user("pengelola_website")), page)
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).count()

    response = editor_action(as_user(client, bantul.user("panewu")), page, "approve")

    shown = shown_messages(response)
    assert "Disetujui pada langkah 3; diteruskan ke Pengelola Website." in shown
    assert "telah diperbarui" not in shown
    assert current_task(page).step_number == 4
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions


def test_the_dashboard_modal_confirms_approval_and_rejection(client):
    bantul = create_with_sop("kapanewon_bantul")
    manager, panewu = bantul.user("pengelola_website"), bantul.user("panewu")
    page = draft(bantul)
    submit(as_user(client, manager), page)

    rejected = act(as_user(client, panewu), page, "reject", comment="Foto kurang jelas.")
    shown = shown_messages(client.get(redirect_of(rejected), follow=True))
    assert "Dikembalikan ke Pengelola Website pada langkah 3" in shown

    submit(as_user(client, manager), page)
    approved = act(as_user(client, panewu), page, "approve")
    shown = shown_messages(client.get(redirect_of(approved), follow=True))
    assert "Disetujui pada langkah 3; diteruskan ke Pengelola Website." in shown


def test_the_action_result_is_only_shown_to_the_person_who_acted(client):
    bantul = create_with_sop("kapanewon_bantul")
    page = draft(bantul)
    submit(as_user(client, bantul.user("pengelola_website")), page)
    state = current_state(page)
    act(as_user(client, bantul.user("panewu")), page, "approve")

    url = reverse("sop_workflow:action_result", args=[state.pk])
    assert as_user(client, bantul.user("panewu")).get(url).status_code == 404


def test_dpmk_submission_is_not_refused_for_the_intake_number_it_gives(client):
    dpmk = create_with_sop("dpmk_bantul")
    page = draft(dpmk)

    submit(as_user(client, dpmk.user("petugas_penerima")), page)

    assert latest(page).current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


# --------------------------------------------------------------------------- roles


def edit_page(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def test_bantul_reporter_drafts_but_cannot_submit(client):
    bantul = create_with_sop("kapanewon_bantul")
    peliput = bantul.user("peliput")
    page = draft(bantul, owner=peliput)

    editor = edit_page(as_user(client, peliput), page)
    assert editor.status_code == 200
    assert 'name="action-submit"' not in editor.content.decode()

    forced = submit(client, page, lead="Ringkasan dari peliput.")
    shown = shown_messages(client.get(forced.url))
    assert "menurut SOP instansi ini, yang mengajukan adalah Pengelola Website" in shown
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()
    assert latest(page).get_latest_revision_as_object().lead == "Ringkasan dari peliput."

    manager = bantul.user("pengelola_website")
    assert 'name="action-submit"' in edit_page(as_user(client, manager), page).content.decode()
    submit(client, page)
    assert current_task(page).step_number == 3


def test_panewu_opens_the_item_only_through_its_task_and_cannot_change_it(client):
    bantul = create_with_sop("kapanewon_bantul")
    panewu = bantul.user("panewu")
    page = draft(bantul, owner=bantul.user("peliput"))

    assert edit_page(as_user(client, panewu), page).status_code in (302, 403)

    submit(as_user(client, bantul.user("pengelola_website")), page)
    assert edit_page(as_user(client, panewu), page).status_code == 200
    response = editor_action(client, page, "approve", lead="Diubah oleh Panewu.")

    shown = shown_messages(response)
    assert "Tidak ada yang disimpan: pada langkah 3" in shown
    assert "bukan mengubah isi" in shown
    assert latest(page).get_latest_revision_as_object().lead != "Diubah oleh Panewu."
    assert current_task(page).step_number == 3
    assert current_state(page).status == TaskState.STATUS_IN_PROGRESS


def test_reinstalling_the_sop_takes_back_page_permissions_and_says_so():
    bantul = create_with_sop("kapanewon_bantul")
    panewu = InstitutionRole.objects.get(site=bantul.site, key="panewu")
    peliput = InstitutionRole.objects.get(site=bantul.site, key="peliput")
    assert set(page_codenames(panewu)) == set()
    assert set(page_codenames(peliput)) == {"add_page"}
    GroupPagePermission.objects.create(
        group=panewu.group,
        page=bantul.home,
        permission=Permission.objects.get(codename="change_page"),
    )

    out = StringIO()
    call_command("install_sop", "kapanewon_bantul", "--site", bantul.hostname, stdout=out)

    assert f"izin halaman 'change_page' dicabut dari '{panewu.group.name}'" in out.getvalue()
    assert set(page_codenames(panewu)) == set()


def page_codenames(role):
    return GroupPagePermission.objects.filter(group=role.group).values_list(
        "permission__codename", flat=True
    )


# --------------------------------------------------------------------------- rejections


def named(user, first: str, last: str):
    user.first_name, user.last_name = first, last
    user.save(update_fields=["first_name", "last_name"])
    return user


def test_bunder_rejection_lands_with_the_on_reject_role_with_who_and_when(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("django_q.conf.Conf.SYNC", True)
    bunder = create_with_sop("kalurahan_bunder")
    submitter = named(bunder.user("admin_medsos"), "Dewi", "Pengaju")
    colleague = named(bunder.user("admin_medsos"), "Budi", "Rekan")
    ketua = named(bunder.user("ketua_ppid"), "Sri", "Lestari")
    page = draft(bunder, title="Kerja bakti Padukuhan Karang")
    submit(as_user(client, submitter), page)
    act(as_user(client, bunder.user("seksi")), page, "approve")

    with django_capture_on_commit_callbacks(execute=True):
        rejected = act(as_user(client, ketua), page, "reject", comment="Foto kurang jelas, ganti.")
    shown = shown_messages(client.get(redirect_of(rejected), follow=True))
    assert "Dikembalikan ke Admin Medsos pada langkah 5–6" in shown

    dashboard = as_user(client, colleague).get(reverse("wagtailadmin_home")).content.decode()
    assert "Perbaikan diminta oleh Sri Lestari, " in dashboard
    assert "yang lalu" in dashboard
    assert "Foto kurang jelas, ganti." in dashboard
    editor = edit_page(client, page).content.decode()
    assert "Dikembalikan untuk diperbaiki oleh Sri Lestari, " in editor
    assert "Foto kurang jelas, ganti." in editor
    to_colleague = [message for message in mail.outbox if colleague.email in message.to]
    assert len(to_colleague) == 1
    assert "Sri Lestari mengembalikan" in to_colleague[0].body

    submit(client, page, lead="Ringkasan baru dengan foto yang lebih jelas.")
    assert current_task(page).step_number == 4
    assert "Dikembalikan untuk diperbaiki" not in edit_page(client, page).content.decode()


def test_a_new_page_submitted_straight_from_creation_is_kept_as_a_draft_when_incomplete(client):
    bantul = create_with_sop("kapanewon_bantul")
    template = draft(bantul)
    data = {
        **edit_data(template, title="Posyandu Padukuhan Karang", slug="posyandu-karang", how=""),
        "action-submit": "Submit",
    }
    url = reverse(
        "wagtailadmin_pages:add",
        args=["home", "newspage", bantul.news_index.pk],
    )

    response = as_user(client, bantul.user("pengelola_website")).post(url, data, follow=True)

    created = NewsPage.objects.get(slug="posyandu-karang")
    shown = shown_messages(response)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[created.pk])
    assert "“Posyandu Padukuhan Karang” belum diajukan" in shown
    assert "bagaimana" in shown
    assert not created.live
    assert not WorkflowState.objects.filter(object_id=str(created.pk)).exists()
