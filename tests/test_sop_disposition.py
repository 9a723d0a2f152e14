"""*Disposisi* (Bunder steps 1–3): the Ketua PPID instructs the Seksi, the Seksi passes it on to
the Admin Medsos, who writes the draft; the SOP's preparation time counts from the first step."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from home.models import InstitutionRole, NewsPage
from sop_workflow.models import Disposition, DispositionStatus, StepTiming
from tests.institutions import host_client
from tests.sop_helpers import (
    FIVE_W_ONE_H,
    act,
    as_user,
    create_with_sop,
    current_task,
    draft,
    edit_data,
    latest,
    submit,
)

pytestmark = pytest.mark.django_db

ADD = reverse("sop_workflow_dispositions:add")
MATERIAL = "Musyawarah Kalurahan RKPKal 2026, Sabtu 09.00 di balai kalurahan. Narasumber: Lurah."


def inspect_url(disposition) -> str:
    return reverse("sop_workflow_dispositions:inspect", args=[disposition.pk])


def give(client, role, url=ADD, **fields):
    deadline = timezone.localtime() + timedelta(days=1)
    data = {
        "activity": "Liputan Musyawarah Kalurahan",
        "material": MATERIAL,
        "deadline_0": deadline.strftime("%Y-%m-%d"),
        "deadline_1": deadline.strftime("%H:%M"),
        "deadline": deadline.strftime("%Y-%m-%d %H:%M"),
        "assignee_role": role.pk if role else "",
        "assignee_user": "",
        "site": role.site_id if role else "",
        **fields,
    }
    return client.post(url, data)


@pytest.fixture
def bunder(mailoutbox, monkeypatch):
    monkeypatch.setattr("django_q.conf.Conf.SYNC", True)  # notifications run inline here
    inst = create_with_sop("kalurahan_bunder")
    inst.ketua, inst.seksi, inst.admin = (
        inst.user(key) for key in ("ketua_ppid", "seksi", "admin_medsos")
    )
    inst.role = {r.key: r for r in InstitutionRole.objects.filter(site=inst.site)}
    return inst


def test_ketua_instructs_seksi_passes_on_admin_drafts_and_the_time_counts_from_step_1(
    client, bunder, mailoutbox, django_capture_on_commit_callbacks
):
    host_client(client, bunder.hostname)
    with django_capture_on_commit_callbacks(execute=True):
        response = give(as_user(client, bunder.ketua), bunder.role["seksi"])
    first = Disposition.objects.get()
    assert response.status_code == 302
    assert response["Location"] == inspect_url(first)
    assert first.assigned_by == bunder.ketua
    assert first.site == bunder.site
    assert [m.to for m in mailoutbox] == [[bunder.seksi.email]]
    assert mailoutbox[0].subject == "Disposisi: Liputan Musyawarah Kalurahan"
    assert inspect_url(first) in mailoutbox[0].body

    # The Seksi sees it on the dashboard and passes it on to the Admin Medsos (step 2).
    listing = as_user(client, bunder.seksi).get(reverse("sop_workflow_dispositions:index"))
    deadline = timezone.localtime(first.deadline)
    assert date_format(deadline, "j M Y H:i") in listing.content.decode()
    assert "Baru saja" not in listing.content.decode()  # a deadline is a date, not "just now"
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Disposisi untuk Anda" in dashboard
    assert "Liputan Musyawarah Kalurahan" in dashboard
    forward_url = f"{ADD}?parent={first.pk}"
    assert forward_url in client.get(inspect_url(first)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        give(client, bunder.role["admin_medsos"], url=forward_url)
    first.refresh_from_db()
    second = Disposition.objects.get(parent=first)
    assert first.status == DispositionStatus.FORWARDED
    assert second.assigned_by == bunder.seksi
    assert mailoutbox[-1].to == [bunder.admin.email]

    # The Admin Medsos writes the draft (step 3) and submits it.
    as_user(client, bunder.admin)
    response = client.post(reverse("sop_workflow_dispositions:draft", args=[second.pk]))
    page = NewsPage.objects.get(title="Liputan Musyawarah Kalurahan")
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live
    assert page.owner == bunder.admin
    assert page.lead.startswith("Musyawarah")
    second.refresh_from_db()
    assert second.status == DispositionStatus.DRAFTED
    assert second.page_id == page.pk

    submit(client, page)
    second.refresh_from_db()
    assert second.status == DispositionStatus.SUBMITTED
    # Each instruction step is timed on its own, against its own standard (Bunder 1, 2, 3).
    first.refresh_from_db()
    steps = StepTiming.objects.filter(page_id=page.pk, kind="preparation").order_by("started_at")
    assert [
        (t.step_label, t.actor, t.started_at, t.finished_at, t.standard_max_seconds) for t in steps
    ] == [
        ("1", bunder.ketua, first.assigned_at, first.done_at, 10 * 60),
        ("2", bunder.seksi, second.assigned_at, second.done_at, 10 * 60),
        ("3", bunder.admin, second.done_at, page.workflow_states.get().created_at, 60 * 60),
    ]

    # The disposition's page shows the steps as people read them, in Indonesian.
    shown = as_user(client, bunder.ketua).get(inspect_url(first)).content.decode()
    table = shown[shown.index("Waktu per langkah SOP") :]
    rows = [
        [
            re.sub(r"<[^>]+>|\s+", " ", cell).strip()
            for cell in re.findall(r"<td>(.*?)</td>", row, re.S)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", table[: table.index("</table>")], re.S)
        if "<td>" in row
    ]
    ketua = bunder.ketua.get_full_name() or bunder.ketua.username
    assert [row[0] for row in rows] == ["1", "2", "3"]
    assert rows[0][1] == f"Ketua PPID: {ketua}"
    assert [row[3] for row in rows] == ["kurang dari 1 menit"] * 3  # all done at once here
    assert [row[4:] for row in rows] == [["10 menit", "Sesuai waktu baku"]] * 2 + [
        ["1 jam", "Sesuai waktu baku"]
    ]
    assert rows[0][2] == date_format(timezone.localtime(first.assigned_at), "j F Y H:i")

    # The compliance report counts each instruction step on its own.
    report = client.get(reverse("sop_workflow:compliance_report")).content.decode()
    for label in ("Langkah 1", "Langkah 2", "Langkah 3"):
        assert label in report, label


def test_only_the_assignee_carries_it_out_and_only_once(client, bunder):
    host_client(client, bunder.hostname)
    give(as_user(client, bunder.ketua), bunder.role["seksi"])
    first = Disposition.objects.get()

    as_user(client, bunder.admin)  # not the assignee
    refused = client.post(reverse("sop_workflow_dispositions:draft", args=[first.pk]), follow=True)
    assert "Hanya penerima disposisi ini" in refused.content.decode()
    assert not NewsPage.objects.filter(title=first.activity).exists()
    forward = give(client, bunder.role["admin_medsos"], url=f"{ADD}?parent={first.pk}")
    assert forward["Location"] == reverse("wagtailadmin_home")  # Wagtail's "no permission"
    assert "Teruskan" not in client.get(inspect_url(first)).content.decode()
    assert Disposition.objects.count() == 1

    give(as_user(client, bunder.seksi), bunder.role["admin_medsos"], url=f"{ADD}?parent={first.pk}")
    assert Disposition.objects.count() == 2
    again = give(client, bunder.role["admin_medsos"], url=f"{ADD}?parent={first.pk}")
    assert again["Location"] == reverse("wagtailadmin_home")
    assert Disposition.objects.count() == 2


def test_the_admin_medsos_may_not_give_dispositions(client, bunder):
    host_client(client, bunder.hostname)
    as_user(client, bunder.admin)
    assert client.get(ADD)["Location"] == reverse("wagtailadmin_home")
    assert give(client, bunder.role["seksi"])["Location"] == reverse("wagtailadmin_home")
    assert not Disposition.objects.exists()


def test_bad_input_is_explained_in_indonesian_and_nothing_is_saved(client, bunder):
    host_client(client, bunder.hostname)
    as_user(client, bunder.ketua)
    past = timezone.localtime() - timedelta(hours=2)

    no_one = give(client, None, site=bunder.site.pk).content.decode()
    late = give(
        client,
        bunder.role["seksi"],
        deadline_0=past.strftime("%Y-%m-%d"),
        deadline_1=past.strftime("%H:%M"),
        deadline=past.strftime("%Y-%m-%d %H:%M"),
    ).content.decode()

    assert no_one.count("Pilih siapa yang melaksanakan disposisi") == 1  # said once, clearly
    assert "Tenggat sudah lewat" in late
    assert not Disposition.objects.exists()


def test_other_institutions_never_see_or_receive_them(client, bunder, make_institution):
    other = make_institution("lain", name="Kalurahan Lain")
    outsider = other.user("penyetuju")
    outsider_role = InstitutionRole.objects.filter(site=other.site).first()
    host_client(client, bunder.hostname)
    give(as_user(client, bunder.ketua), bunder.role["seksi"])
    ours = Disposition.objects.get()

    # Assigning to another institution's role or person is refused.
    give(client, outsider_role)
    give(client, None, assignee_user=outsider.pk, site=bunder.site.pk)
    assert Disposition.objects.count() == 1
    form = client.get(ADD).content.decode()
    assert outsider_role.name not in form
    assert outsider.username not in form

    as_user(client, outsider)
    assert client.get(inspect_url(ours)).status_code == 404
    assert (
        "Liputan Musyawarah"
        not in client.get(reverse("sop_workflow_dispositions:index")).content.decode()
    )
    draft_url = reverse("sop_workflow_dispositions:draft", args=[ours.pk])
    assert client.post(draft_url).status_code == 404


def chain_to_draft(client, bunder, capture):
    """Steps 1–3 through the admin: Ketua → Seksi → Admin Medsos, who writes the draft."""
    with capture(execute=True):
        give(as_user(client, bunder.ketua), bunder.role["seksi"])
        first = Disposition.objects.get()
        forward_url = f"{ADD}?parent={first.pk}"
        give(as_user(client, bunder.seksi), bunder.role["admin_medsos"], url=forward_url)
    second = Disposition.objects.get(parent=first)
    as_user(client, bunder.admin).post(reverse("sop_workflow_dispositions:draft", args=[second.pk]))
    page = NewsPage.objects.get(title="Liputan Musyawarah Kalurahan")
    return first, second, page


def complete(bunder) -> dict:
    """What the admin adds in the editor before submitting: the photo and the 5W+1H."""
    return {
        "share_image": bunder.image().pk,
        "share_image_alt": "Warga di balai kalurahan",
        **FIVE_W_ONE_H,
    }


def publish_through_the_sop(client, bunder, page, capture):
    """Steps 3–9: the admin submits, the Seksi and the Ketua approve, the Seksi chooses the
    website, the admin publishes."""
    with capture(execute=True):
        submit(as_user(client, bunder.admin), page, **complete(bunder))
        act(as_user(client, bunder.seksi), page, "approve")
        act(as_user(client, bunder.ketua), page, "approve")
        act(as_user(client, bunder.seksi), page, "approve", channels=["website"])
        act(as_user(client, bunder.admin), page, "approve")
    assert latest(page).live


def test_publishing_the_page_closes_the_chain_and_tells_each_giver_once_with_the_link(
    client, bunder, mailoutbox, django_capture_on_commit_callbacks
):
    host_client(client, bunder.hostname)
    first, second, page = chain_to_draft(client, bunder, django_capture_on_commit_callbacks)
    mailoutbox.clear()

    publish_through_the_sop(client, bunder, page, django_capture_on_commit_callbacks)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (DispositionStatus.PUBLISHED,) * 2
    assert first.closed_at is not None
    assert second.closed_at is not None
    shown = as_user(client, bunder.ketua).get(inspect_url(first)).content.decode()
    assert "Terbit" in shown
    assert latest(page).full_url in shown
    closing = [m for m in mailoutbox if m.subject.startswith("Terbit:")]
    assert sorted(m.to[0] for m in closing) == sorted([bunder.ketua.email, bunder.seksi.email])
    assert all(latest(page).full_url in m.body for m in closing)
    assert "diterbitkan pada" in closing[0].body

    # Publishing again (a correction) tells nobody a second time.
    with django_capture_on_commit_callbacks(execute=True):
        latest(page).save_revision(user=bunder.admin).publish()
    assert len([m for m in mailoutbox if m.subject.startswith("Terbit:")]) == 2


def test_deleting_the_draft_withdraws_the_chain(
    client, bunder, mailoutbox, django_capture_on_commit_callbacks
):
    host_client(client, bunder.hostname)
    first, second, page = chain_to_draft(client, bunder, django_capture_on_commit_callbacks)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(client, bunder.admin).post(
            reverse("wagtailadmin_pages:delete", args=[page.pk])
        )
    assert response.status_code == 302
    assert not NewsPage.objects.filter(pk=page.pk).exists()
    first.refresh_from_db()
    assert first.status == DispositionStatus.WITHDRAWN
    shown = as_user(client, bunder.seksi).get(inspect_url(second)).content.decode()
    assert "Ditarik" in shown
    withdrawn = [m for m in mailoutbox if m.subject.startswith("Ditarik:")]
    assert sorted(m.to[0] for m in withdrawn) == sorted([bunder.ketua.email, bunder.seksi.email])
    assert inspect_url(second) in withdrawn[0].body


def test_cancelling_the_review_withdraws_the_chain(
    client, bunder, mailoutbox, django_capture_on_commit_callbacks
):
    host_client(client, bunder.hostname)
    first, second, page = chain_to_draft(client, bunder, django_capture_on_commit_callbacks)
    submit(as_user(client, bunder.admin), page, **complete(bunder))
    assert current_task(page).step_number == 4

    with django_capture_on_commit_callbacks(execute=True):
        data = {**edit_data(page), "action-cancel-workflow": "Cancel"}
        client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    second.refresh_from_db()
    assert second.status == DispositionStatus.WITHDRAWN
    assert any(m.subject.startswith("Ditarik:") for m in mailoutbox)

    # Submitted again later, the chain is open again and closes when the page is published.
    submit(client, page)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("forwarded", "submitted")
    assert second.closed_at is None


def test_a_restarted_review_is_not_a_withdrawal(client, bunder, django_capture_on_commit_callbacks):
    host_client(client, bunder.hostname)
    first, second, page = chain_to_draft(client, bunder, django_capture_on_commit_callbacks)
    submit(as_user(client, bunder.admin), page, **complete(bunder))
    act(as_user(client, bunder.seksi), page, "reject", comment="Judul kurang jelas.")

    data = {**edit_data(page, title="Musyawarah Kalurahan RKPKal 2026")}
    as_user(client, bunder.admin).post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {**data, "action-restart-workflow": "Restart"},
    )
    assert current_task(page).step_number == 4
    second.refresh_from_db()
    assert second.status == DispositionStatus.SUBMITTED


def test_a_bunder_draft_without_a_disposition_is_not_submitted_and_says_how_to_fix_it(
    client, bunder
):
    host_client(client, bunder.hostname)
    page = draft(bunder, disposition=False)
    response = submit(as_user(client, bunder.admin), page, **complete(bunder))
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    shown = client.get(response["Location"]).content.decode()
    assert shown.count("Draf ini belum terhubung dengan disposisi") == 1
    assert "tulis draf dari disposisi tersebut" in shown
    assert current_task(page) is None  # still a draft, not in review

    # Straight from creation: the same refusal, the page kept as a draft.
    index = bunder.news_index
    data = edit_data(page, title="Berita baru tanpa disposisi", slug="berita-baru")
    created = client.post(
        reverse("wagtailadmin_pages:add", args=["home", "newspage", index.pk]),
        {**data, "action-submit": "Submit"},
    )
    new = NewsPage.objects.get(slug="berita-baru")
    assert created["Location"] == reverse("wagtailadmin_pages:edit", args=[new.pk])
    assert "Draf ini belum terhubung" in client.get(created["Location"]).content.decode()
    assert current_task(new) is None


def test_the_bunder_definition_requires_a_disposition_on_the_drafting_step():
    from sop_workflow.definition import dump_definition, load_definition
    from sop_workflow.definition.loader import bundled_definitions

    definition = load_definition(bundled_definitions()["kalurahan_bunder"])
    assert [s.number for s in definition.steps if s.requires_disposition] == [3]
    assert load_definition(dump_definition(definition)) == definition


def test_the_assignee_links_a_draft_already_written_and_can_then_submit_it(
    client, bunder, make_institution
):
    other = make_institution("lain", name="Kalurahan Lain")
    foreign = other.news("Berita kalurahan lain", publish=False)
    host_client(client, bunder.hostname)
    give(as_user(client, bunder.ketua), bunder.role["seksi"])
    first = Disposition.objects.get()
    give(as_user(client, bunder.seksi), bunder.role["admin_medsos"], url=f"{ADD}?parent={first.pk}")
    disposition = Disposition.objects.get(parent=first)
    written = draft(bunder, disposition=False, title="Musyawarah sudah ditulis", owner=bunder.admin)
    published = bunder.news("Berita yang sudah tayang")

    shown = as_user(client, bunder.admin).get(inspect_url(disposition)).content.decode()
    assert "Atau hubungkan draf yang sudah ditulis" in shown
    assert "Musyawarah sudah ditulis" in shown
    assert "Berita yang sudah tayang" not in shown  # not a draft
    assert "Berita kalurahan lain" not in shown

    link = reverse("sop_workflow_dispositions:link", args=[disposition.pk])
    for page in (foreign, published):
        refused = client.post(link, {"page": page.pk}, follow=True).content.decode()
        assert "Draf ini tidak dapat dihubungkan" in refused
    disposition.refresh_from_db()
    assert disposition.page_id is None

    linked = client.post(link, {"page": written.pk}, follow=True).content.decode()
    assert "kini menjawab disposisi ini" in linked
    disposition.refresh_from_db()
    assert (disposition.status, disposition.page_id) == (DispositionStatus.DRAFTED, written.pk)
    submit(client, written, **complete(bunder))
    assert current_task(written).step_number == 4
    disposition.refresh_from_db()
    assert disposition.status == DispositionStatus.SUBMITTED


def test_each_instruction_step_is_timed_on_its_own_against_its_standard(bunder):
    """Monday 3 March 2025, office hours: the Seksi passes it on after 25 minutes (standard 10),
    the Admin Medsos writes the draft 5 minutes later and is still at it at 10.00."""
    from zoneinfo import ZoneInfo

    from django.utils import translation

    from sop_workflow.timekeeping import disposition_steps

    wib = ZoneInfo("Asia/Jakarta")
    at = lambda h, m: timezone.make_aware(timezone.datetime(2025, 3, 3, h, m), wib)  # noqa: E731
    page = draft(bunder, disposition=False, owner=bunder.admin)
    first = Disposition.objects.create(
        site=bunder.site, activity="Liputan", material=MATERIAL, assigned_by=bunder.ketua,
        assignee_role=bunder.role["seksi"], status=DispositionStatus.FORWARDED,
    )  # fmt: skip
    second = Disposition.objects.create(
        site=bunder.site, parent=first, activity="Liputan", material=MATERIAL,
        assigned_by=bunder.seksi, assignee_role=bunder.role["admin_medsos"],
        status=DispositionStatus.DRAFTED, page=page,
    )  # fmt: skip
    Disposition.objects.filter(pk=first.pk).update(assigned_at=at(9, 0), done_at=at(9, 25))
    Disposition.objects.filter(pk=second.pk).update(assigned_at=at(9, 25), done_at=at(9, 30))

    with translation.override("id"):
        rows = [
            (r.span.label, r.span.actor, r.took, r.standard, r.verdict, r.within)
            for r in disposition_steps.rows(Disposition.objects.get(pk=first.pk), at=at(10, 0))
        ]
    assert rows == [
        ("1", bunder.ketua, "25 menit", "10 menit", "Melebihi waktu baku", False),
        ("2", bunder.seksi, "5 menit", "10 menit", "Sesuai waktu baku", True),
        (
            "3",
            bunder.admin,
            "30 menit sejauh ini",
            "1 jam",
            "Berjalan, masih dalam waktu baku",
            True,
        ),
    ]


def test_the_chain_runs_in_the_sop_s_order_ketua_seksi_admin(client, bunder):
    """Bunder 1 → 2 → 3: the Ketua PPID instructs the Seksi (not the Admin Medsos directly),
    the Seksi passes it on to the Admin Medsos, who writes the draft and passes nothing on."""
    host_client(client, bunder.hostname)
    as_user(client, bunder.ketua)
    form = client.get(ADD).content.decode()
    assert "Langkah 2 SOP: disposisi diberikan kepada Seksi" in form
    roles = re.search(r'<select name="assignee_role".*?</select>', form, re.S).group(0)
    assert "Seksi Pengolahan Data" in roles
    assert "Admin Medsos" not in roles  # the Ketua does not skip the Seksi
    people = re.search(r'<select name="assignee_user".*?</select>', form, re.S).group(0)
    assert bunder.admin.username not in people
    skipped = give(client, bunder.role["admin_medsos"]).content.decode()
    assert "Masukkan pilihan yang valid" in skipped  # a forced post is refused too
    assert not Disposition.objects.exists()  # nothing half-saved

    give(client, bunder.role["seksi"])
    first = Disposition.objects.get()
    seksi_view = as_user(client, bunder.seksi).get(inspect_url(first)).content.decode()
    assert "Teruskan" in seksi_view
    assert "Tulis draf berita" not in seksi_view  # step 2 passes it on; step 3 drafts
    refused = client.post(reverse("sop_workflow_dispositions:draft", args=[first.pk]), follow=True)
    assert "Dalam SOP draf ditulis pada langkah 3" in refused.content.decode()
    assert not NewsPage.objects.filter(title=first.activity).exists()

    give(client, bunder.role["admin_medsos"], url=f"{ADD}?parent={first.pk}")
    second = Disposition.objects.get(parent=first)
    admin_view = as_user(client, bunder.admin).get(inspect_url(second)).content.decode()
    assert "Tulis draf berita" in admin_view
    assert "Teruskan" not in admin_view
    onward = client.get(f"{ADD}?parent={second.pk}", follow=True).content.decode()
    assert "tidak diteruskan lagi" in onward
    assert Disposition.objects.count() == 2
