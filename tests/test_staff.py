"""Each institution manages its own staff (issue 11), through the real admin HTTP views.

The institution administrator (*Admin Instansi*) invites a person by e-mail, gives them the
institution's roles, sends password links and hands a leaving person's work over before the
account is deactivated — and never reaches another institution's people, groups or operator
rights.
"""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry, Page

from home.models import InstitutionRole
from sop_workflow.models import Disposition
from tests.institutions import host_client

USERS = reverse("wagtailusers_users:index")
INVITE = "/admin/staff/invite/"
PASSWORD = "Kata-sandi-baru-2026"


def role(inst, key: str) -> Group:
    return InstitutionRole.objects.get(site=inst.site, key=key).group


def as_admin(client, inst):
    admin = inst.user("admin")
    client.force_login(admin)
    return host_client(client, inst.hostname), admin


def link_in(message) -> str:
    return re.search(r"https?://\S+/admin/password-link/\S+/", message.body).group(0)


def body(response) -> str:
    return response.content.decode()


def edit_data(person, **changes) -> dict:
    data = {
        "username": person.username,
        "email": person.email,
        "first_name": person.first_name or "Nama",
        "last_name": person.last_name or "Belakang",
        "groups": [group.pk for group in person.groups.all()],
    }
    data.update(changes)
    return data


def test_an_invited_person_sets_a_password_signs_in_and_sees_only_that_institution(
    client, bantul, bunder
):
    client, admin = as_admin(client, bantul)

    form = client.get(INVITE)
    sent = client.post(
        INVITE,
        {
            "email": "sari@example.go.id",
            "first_name": "Sari",
            "last_name": "Wulandari",
            "roles": [role(bantul, "penulis").pk],
        },
        follow=True,
    )

    assert "Kapanewon Bantul — Penulis" in body(form)
    assert "Kalurahan Bunder" not in body(form)
    assert sent.redirect_chain[-1][0] == USERS
    assert "Undangan dikirim ke sari@example.go.id" in body(sent)
    assert "sari" in body(sent)  # the new person is in the staff list
    (invitation,) = mail.outbox
    assert invitation.to == ["sari@example.go.id"]
    assert invitation.subject == "Undangan ke admin Kapanewon Bantul"
    assert "berlaku 3 hari" in invitation.body
    link = link_in(invitation)
    assert link.startswith("http://bantul.localhost/admin/password-link/")

    person = Client(HTTP_HOST="bantul.localhost")
    page = person.get(link)
    saved = person.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD}, follow=True)
    again = person.get(link)
    signed_in = person.post(
        "/admin/login/", {"username": "sari", "password": PASSWORD}, follow=True
    )
    own = person.get(reverse("wagtailadmin_explore", args=[bantul.home.pk]))
    foreign = person.get(reverse("wagtailadmin_explore", args=[bunder.home.pk]))

    assert "Buat kata sandi Anda" in body(page)
    assert "Nama pengguna Anda: <strong>sari</strong>" in body(page)
    assert saved.redirect_chain[-1][0].startswith("/admin/login/")
    assert "Kata sandi Anda tersimpan" in body(saved)
    assert again.status_code == 410
    assert "Tautan ini sudah dipakai untuk membuat kata sandi" in body(again)
    assert signed_in.redirect_chain[-1][0] == "/admin/"
    assert own.status_code == 200
    assert "Kapanewon Bantul" in body(own)
    assert foreign.status_code == 404  # another institution's pages do not exist for them
    assert "Kalurahan Bunder" not in body(foreign)
    assert "Kalurahan Bunder" not in body(signed_in)
    invited = get_user_model().objects.get(username="sari")
    actions = ModelLogEntry.objects.filter(object_id=str(invited.pk)).values_list("action")
    assert {("home.staff.invite",), ("home.staff.password_set",)} <= set(actions)


def test_an_expired_link_says_so_and_how_to_get_a_new_one(client, bantul, settings):
    client, admin = as_admin(client, bantul)
    person = bantul.user("penulis")
    settings.STAFF_INVITE_MAX_AGE = -1  # every link is already too old

    sent = client.post(f"/admin/staff/{person.pk}/password-link/", follow=True)
    expired = Client(HTTP_HOST="bantul.localhost").get(link_in(mail.outbox[0]))

    assert f"Tautan untuk membuat kata sandi dikirim ke {person.email}" in body(sent)
    assert expired.status_code == 410
    assert "Tautan ini sudah kedaluwarsa" in body(expired)
    assert "Minta Admin Instansi Anda mengirim tautan baru" in body(expired)


def test_the_admin_sees_and_changes_only_its_own_institutions_people(
    client, bantul, bunder, django_user_model
):
    ours = bantul.user("penulis", username="warga-bantul")
    theirs = bunder.user("penulis", username="warga-bunder")
    operator = django_user_model.objects.create_superuser("operator-x", "op@x.id", "x")
    client, admin = as_admin(client, bantul)

    listing = client.get(USERS)
    searched = client.get(USERS, {"q": "warga"})
    urls = [
        reverse("wagtailusers_users:edit", args=[theirs.pk]),
        reverse("wagtailusers_users:history", args=[theirs.pk]),
        f"/admin/staff/{theirs.pk}/password-link/",
        f"/admin/staff/{theirs.pk}/leave/",
        reverse("wagtailusers_users:edit", args=[operator.pk]),
    ]

    assert "warga-bantul" in body(listing)
    for hidden in ("warga-bunder", "operator-x", "Kalurahan Bunder"):
        assert hidden not in body(listing)
    assert "warga-bantul" in body(searched)
    assert "warga-bunder" not in body(searched)
    assert [client.get(url).status_code for url in urls] == [404] * len(urls)
    assert client.post(urls[3], {}).status_code == 404
    assert client.get(reverse("wagtailusers_users:edit", args=[ours.pk])).status_code == 200
    assert client.get(reverse("wagtailusers_groups:index")).status_code == 302
    assert client.get(reverse("wagtailusers_users:delete", args=[ours.pk])).status_code == 404


def test_a_member_who_is_not_the_administrator_cannot_manage_people(client, bantul):
    client.force_login(bantul.user("penulis"))

    assert client.get(USERS).status_code == 302
    assert client.get(INVITE).status_code == 302


def test_the_admin_cannot_grant_operator_rights(client, bantul):
    person = bantul.user("penulis")
    client, admin = as_admin(client, bantul)
    url = reverse("wagtailusers_users:edit", args=[person.pk])

    refused = client.post(url, edit_data(person, is_superuser="on"))

    person.refresh_from_db()
    assert refused.status_code == 200
    assert "Hak operator (administrator) hanya dapat diberikan oleh operator platform" in body(
        refused
    )
    assert not person.is_superuser


def test_the_admin_cannot_give_another_institutions_roles(client, bantul, bunder):
    person = bantul.user("penulis")
    client, admin = as_admin(client, bantul)
    url = reverse("wagtailusers_users:edit", args=[person.pk])

    edit_form = client.get(url)
    refused = client.post(url, edit_data(person, groups=[role(bunder, "penulis").pk]))
    invited = client.post(
        INVITE,
        {"email": "x@example.go.id", "first_name": "X", "roles": [role(bunder, "admin").pk]},
    )

    assert "Kapanewon Bantul — Penulis" in body(edit_form)
    assert "Kalurahan Bunder" not in body(edit_form)
    for response in (refused, invited):
        assert response.status_code == 200
        assert "Hanya peran instansi Anda sendiri yang dapat diberikan" in body(response)
    assert list(person.groups.all()) == [role(bantul, "penulis")]
    assert not mail.outbox


def test_a_person_of_two_institutions_keeps_the_other_institutions_roles(client, bantul, bunder):
    person = bantul.user("penulis", username="relawan")
    person.groups.add(role(bunder, "penulis"))
    client, admin = as_admin(client, bantul)
    url = reverse("wagtailusers_users:edit", args=[person.pk])

    form = client.get(url)
    saved = client.post(
        url,
        edit_data(person, email="baru@example.go.id", groups=[role(bantul, "penyetuju").pk]),
        follow=True,
    )
    bunder_admin = Client(HTTP_HOST="bunder.localhost")
    bunder_admin.force_login(bunder.user("admin"))
    seen_by_bunder = bunder_admin.get(USERS, {"q": "relawan"})

    person.refresh_from_db()
    assert "juga bekerja untuk instansi lain" in body(form)
    assert saved.redirect_chain[-1][0] == USERS
    assert set(person.groups.all()) == {role(bantul, "penyetuju"), role(bunder, "penulis")}
    assert person.email != "baru@example.go.id"  # the shared account stays as it was
    assert "Kalurahan Bunder — Penulis" in body(seen_by_bunder)
    assert "Kapanewon Bantul" not in body(seen_by_bunder)


def test_a_leaving_persons_work_is_handed_over_before_the_account_is_deactivated(client, bantul):
    leaver = bantul.user("penulis", username="pergi")
    colleague = bantul.user("penulis", username="pengganti")
    draft = bantul.news("Draf yang tertinggal", publish=False, owner=leaver)
    disposition = Disposition.objects.create(
        site=bantul.site, activity="Liputan musrenbang", material="Agenda", assignee_user=leaver
    )
    client, admin = as_admin(client, bantul)
    url = f"/admin/staff/{leaver.pk}/leave/"

    page = client.get(url)
    refused = client.post(url, {"colleague": ""})
    leaver.refresh_from_db()
    still_active = leaver.is_active
    done = client.post(url, {"colleague": colleague.pk}, follow=True)

    leaver.refresh_from_db()
    disposition.refresh_from_db()
    assert "Draf yang tertinggal" in body(page)
    assert "Liputan musrenbang" in body(page)
    assert "Tidak ada yang diubah: pergi masih memegang 2 pekerjaan terbuka" in body(refused)
    assert still_active
    assert "Akun pergi dinonaktifkan" in body(done)
    assert not leaver.is_active
    assert Page.objects.get(pk=draft.pk).owner == colleague
    assert disposition.assignee_user == colleague
    assert ModelLogEntry.objects.filter(
        object_id=str(leaver.pk), action="home.staff.deactivate", user=admin
    ).exists()


def test_leaving_one_of_two_institutions_takes_only_that_ones_roles(client, bantul, bunder):
    person = bantul.user("penulis", username="dua-tempat")
    person.groups.add(role(bunder, "penulis"))
    client, admin = as_admin(client, bantul)

    done = client.post(f"/admin/staff/{person.pk}/leave/", {"colleague": ""}, follow=True)

    person.refresh_from_db()
    assert "Akunnya tetap aktif untuk instansi lain" in body(done)
    assert person.is_active
    assert list(person.groups.all()) == [role(bunder, "penulis")]


def test_wagtails_bulk_actions_on_users_stay_with_operators(
    client, bantul, bunder, django_user_model
):
    ours = bantul.user("penulis")
    client, admin = as_admin(client, bantul)
    bulk = f"/admin/bulk/{ours._meta.app_label}/{ours._meta.model_name}/"

    listing = client.get(USERS)
    assign_role = client.get(f"{bulk}assign_role/", {"id": ours.pk})
    deactivate = client.post(f"{bulk}set_active_state/?id={ours.pk}", {"mark_as_active": "False"})

    operator = Client(HTTP_HOST="bantul.localhost")
    operator.force_login(django_user_model.objects.create_superuser("op", "op@x.id", "x"))
    by_operator = operator.get(f"{bulk}assign_role/", {"id": ours.pk})

    ours.refresh_from_db()
    assert "data-bulk-action-checkbox" not in body(listing)
    for refused in (assign_role, deactivate):
        assert refused.status_code == 302
        assert refused["Location"] == "/admin/"
    assert ours.is_active
    assert by_operator.status_code == 200
    assert "Kalurahan Bunder" in body(by_operator)  # the form an admin must never see


def test_the_admin_creates_a_person_with_a_password_and_its_own_role(client, bantul, bunder):
    client, admin = as_admin(client, bantul)
    data = {
        "username": "kerani-baru",
        "email": "kerani@example.go.id",
        "first_name": "Kerani",
        "last_name": "Baru",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    add = reverse("wagtailusers_users:add")

    without_role = client.post(add, data)
    foreign_role = client.post(add, {**data, "groups": [role(bunder, "penulis").pk]})
    created = client.post(add, {**data, "groups": [role(bantul, "penulis").pk]}, follow=True)

    assert "Pilih minimal satu peran dari instansi Anda" in body(without_role)
    assert "Hanya peran instansi Anda sendiri yang dapat diberikan" in body(foreign_role)
    assert created.redirect_chain[-1][0] == USERS
    assert "kerani-baru" in body(created)
    person = get_user_model().objects.get(username="kerani-baru")
    assert list(person.groups.all()) == [role(bantul, "penulis")]
    assert ModelLogEntry.objects.filter(object_id=str(person.pk), action="wagtail.create").exists()


def test_the_staff_list_reads_ya_not_true(client, bantul):
    client, admin = as_admin(client, bantul)

    html = body(client.get(USERS))

    assert re.search(r'<span class="w-sr-only">\s*Ya\s*</span>', html)
    assert not re.search(r">\s*(True|False)\s*<", html)


def test_when_the_mail_server_cannot_be_reached_no_account_is_made(client, bantul, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    client, admin = as_admin(client, bantul)

    refused = client.post(
        INVITE,
        {"email": "tak@example.go.id", "first_name": "Tak", "roles": [role(bantul, "penulis").pk]},
    )

    assert refused.status_code == 200
    assert "Undangan tidak dikirim: server surel tidak dapat dihubungi" in body(refused)
    assert not get_user_model().objects.filter(email="tak@example.go.id").exists()
