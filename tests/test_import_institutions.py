"""``manage.py import_institutions``: a sheet of institutions, row by row, as operators run it."""

from __future__ import annotations

import csv
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook
from wagtail.models import Site

from home.models import InstitutionRole, InstitutionSettings
from sop_workflow.models import InstalledSop
from tests.institutions import ensure_wagtail_roots

pytestmark = pytest.mark.django_db

HEADER = ["name", "type", "hostname", "parent", "sop", "admin_email", "office_hours", "time_zone"]
WRITES = ("INSERT", "UPDATE", "DELETE")


def row(name, kind, hostname, parent="", sop="", email=None, hours="", zone=""):
    email = email if email is not None else f"admin@{hostname}"
    return [name, kind, hostname, parent, sop, email, hours, zone]


def fifty_rows() -> list[list[str]]:
    """A kabupaten, 3 kapanewon, 41 kalurahan (Kalurahan n in sheet row 5 + n) and a dinas,
    plus 4 invalid rows: 50 in all."""
    rows = [row("Kabupaten Contoh", "kabupaten", "contohkab.localhost", zone="WIB")]
    for k in range(1, 4):
        rows.append(row(f"Kapanewon {k}", "kapanewon", f"kpn{k}.localhost", "contohkab.localhost"))
    for n in range(1, 42):
        rows.append(
            row(
                f"Kalurahan {n}",
                "kalurahan",
                f"klr{n}.localhost",
                f"kpn{n % 3 + 1}.localhost",
                hours="senin-kamis 07.30-15.30; jumat 07.30-11.30",
                zone="WITA" if n == 1 else "",
            )
        )
    rows[5][4] = "kalurahan_bunder"  # one row installs its SOP (Kalurahan 2)
    rows.append(row("Dinas Kominfo", "dinas", "kominfo.localhost", "contohkab.localhost"))
    rows += [
        row("Kampung Salah", "dusun", "salah.localhost", "kpn1.localhost"),  # row 48
        row("Kalurahan Yatim", "kalurahan", "yatim.localhost", "tidakada.localhost"),  # 49
        row("Kalurahan Kembar", "kalurahan", "klr7.localhost", "kpn1.localhost"),  # 50
        row("Kalurahan Zona", "kalurahan", "zona.localhost", "kpn1.localhost", zone="WITB"),
    ]
    assert len(rows) == 50
    return rows


def write_csv(tmp_path, rows, name="instansi.csv", delimiter=","):
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def run(path, *args) -> str:
    out = StringIO()
    call_command("import_institutions", str(path), *args, stdout=out)
    return out.getvalue()


def block(output: str, number: int) -> str:
    """The report lines of sheet row ``number``."""
    match = re.search(rf"^Baris {number} .*?(?=^Baris |^Ringkasan)", output, re.M | re.S)
    assert match, output
    return match.group(0)


@pytest.fixture
def sheet(tmp_path):
    ensure_wagtail_roots()
    return write_csv(tmp_path, fifty_rows())


def test_fifty_rows_create_the_valid_ones_and_refuse_the_others_by_row_and_column(sheet):
    output = run(sheet)

    assert "Ringkasan: 46 dibuat, 0 diubah, 0 tidak berubah, 4 ditolak." in output
    assert "Baris 2 (contohkab.localhost): dibuat" in output
    assert "Baris 48 (salah.localhost): ditolak" in block(output, 48)
    assert "kolom “type”: Jenis instansi “dusun” tidak dikenal" in block(output, 48)
    assert "kolom “parent”: Tidak ada instansi dengan nama host tidakada.localhost." in block(
        output, 49
    )
    assert "kolom “hostname”: Nama host klr7.localhost sudah dipakai baris 12 lembar ini." in block(
        output, 50
    )
    assert "kolom “time_zone”: Zona waktu “WITB” tidak dikenal; tulis WIB, WITA atau WIT" in (
        block(output, 51)
    )
    for hostname in ("salah.localhost", "yatim.localhost", "zona.localhost"):
        assert not Site.objects.filter(hostname=hostname).exists()
    assert Site.objects.get(hostname="klr7.localhost").site_name == "Kalurahan 7"

    kalurahan = InstitutionSettings.objects.get(site__hostname="klr1.localhost")
    assert kalurahan.parent.hostname == "kpn2.localhost"
    kapanewon = InstitutionSettings.objects.get(site=kalurahan.parent)
    assert kapanewon.parent.hostname == "contohkab.localhost"
    assert kalurahan.time_zone == "Asia/Makassar"
    assert kalurahan.office_hours == {
        "mon": ["07:30", "15:30"],
        "tue": ["07:30", "15:30"],
        "wed": ["07:30", "15:30"],
        "thu": ["07:30", "15:30"],
        "fri": ["07:30", "11:30"],
    }
    assert InstalledSop.objects.get(site__hostname="klr2.localhost", is_current=True)


def test_the_administrator_of_each_new_institution_is_invited_and_sets_a_password(sheet, client):
    output = run(sheet)

    assert len(mail.outbox) == 46
    message = next(m for m in mail.outbox if m.to == ["admin@klr3.localhost"])
    assert message.subject == "Undangan: administrator Kalurahan 3"
    assert "Undangan dikirim ke admin@klr3.localhost." in block(output, 8)
    admin = get_user_model().objects.get(email="admin@klr3.localhost")
    role = InstitutionRole.objects.get(group__user=admin)
    assert (role.site.hostname, role.is_admin) == ("klr3.localhost", True)
    assert not admin.has_usable_password()
    assert "kedaluwarsa pada" in message.body
    assert "WIB" in message.body

    link = re.search(r"http://testserver(/admin/password-link/\S+)", message.body).group(1)
    assert client.get(link).status_code == 200
    done = client.post(
        link,
        {"new_password1": "Sandi-Baru-Kuat-2026", "new_password2": "Sandi-Baru-Kuat-2026"},
        follow=True,
    )
    assert done.status_code == 200
    assert "Kata sandi Anda tersimpan" in done.content.decode()  # on the sign-in page
    admin.refresh_from_db()
    assert admin.check_password("Sandi-Baru-Kuat-2026")
    again = client.get(link)
    assert again.status_code == 410  # used once, and it says so
    assert "Tautan ini sudah dipakai" in again.content.decode()


def test_a_second_run_says_every_row_unchanged_and_writes_nothing(sheet):
    run(sheet)
    mail.outbox.clear()

    with CaptureQueriesContext(connection) as queries:
        output = run(sheet)

    assert "Ringkasan: 0 dibuat, 0 diubah, 46 tidak berubah, 4 ditolak." in output
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].startswith(WRITES)]
    assert writes == []
    assert mail.outbox == []


def test_a_changed_row_says_which_columns_changed(sheet, tmp_path):
    run(sheet)
    rows = fifty_rows()
    rows[12][0], rows[12][7] = "Kalurahan Sembilan Baru", "WIT"  # Kalurahan 9, row 14

    output = run(write_csv(tmp_path, rows, "lagi.csv"))

    assert "Ringkasan: 0 dibuat, 1 diubah, 45 tidak berubah, 4 ditolak." in output
    assert "  - name berubah\n  - time_zone berubah" in block(output, 14)
    profile = InstitutionSettings.objects.get(site__hostname="klr9.localhost")
    assert (profile.official_name, profile.time_zone) == (
        "Kalurahan Sembilan Baru",
        "Asia/Jayapura",
    )


def test_an_xlsx_sheet_with_indonesian_headers_and_a_parent_later_in_the_sheet(tmp_path):
    ensure_wagtail_roots()
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Nama", "Jenis", "Nama host", "Induk", "Email admin", "Zona waktu"])
    sheet.append(["Desa Anak", "desa", "anak.localhost", "camat.localhost", "a@anak.id", "WIB"])
    sheet.append(["Kecamatan Camat", "kecamatan", "camat.localhost", "", "c@camat.id", "WITA"])
    path = tmp_path / "instansi.xlsx"
    workbook.save(path)
    camat = get_user_model().objects.create_user("camat", "c@camat.id", "sandi-lama-2026")

    output = run(path)

    assert (
        "kolom “Induk”: Induk camat.localhost ada di bawahnya dalam lembar (baris 3); letakkan "
        "induk di atas instansi di bawahnya." in output
    )
    assert "Baris 3 (camat.localhost): dibuat" in output
    assert "c@camat.id sudah memiliki akun: tidak diundang, ia masuk dengan kata sandinya" in output
    assert mail.outbox == []
    assert InstitutionRole.objects.get(group__user=camat).site.hostname == "camat.localhost"
    assert InstitutionSettings.objects.get(site__hostname="camat.localhost").time_zone == (
        "Asia/Makassar"
    )


def test_two_institutions_of_the_same_name_get_their_own_role_groups(tmp_path):
    ensure_wagtail_roots()
    rows = [
        row("Kalurahan Sumberagung", "kalurahan", "sumberagung-bantul.localhost"),
        row("Kalurahan Sumberagung", "kalurahan", "sumberagung-sleman.localhost"),
    ]

    output = run(write_csv(tmp_path, rows))

    assert "Ringkasan: 2 dibuat" in output
    groups = InstitutionRole.objects.filter(key="admin").values_list("group__name", flat=True)
    assert sorted(groups) == [
        "Kalurahan Sumberagung (sumberagung-sleman.localhost): Admin Instansi",
        "Kalurahan Sumberagung: Admin Instansi",
    ]


def test_a_sheet_without_the_required_columns_is_refused_before_anything_is_written(tmp_path):
    path = tmp_path / "salah.csv"
    path.write_text("nama;alamat\nKalurahan A;Jl. Mawar\n", encoding="utf-8")

    with pytest.raises(CommandError, match="Lembar tidak memiliki kolom type, hostname"):
        run(path)
    assert not Site.objects.filter(site_name="Kalurahan A").exists()


def _queries_for_new_row(tmp_path, hostname: str) -> int:
    new = [row(f"Kalurahan {hostname}", "kalurahan", hostname, "induk.localhost")]
    path = write_csv(tmp_path, new, f"{hostname}.csv")
    with CaptureQueriesContext(connection) as queries:
        output = run(path)
    assert "Ringkasan: 1 dibuat" in output
    return len(queries.captured_queries)


def _bulk_institutions(count: int) -> None:
    """``count`` more institutions' sites and profiles, written in bulk: the rows that a
    look-up scanning every site or profile per row would read."""
    home = Site.objects.get(hostname="induk.localhost").root_page
    sites = Site.objects.bulk_create(
        Site(hostname=f"massal{n}.localhost", root_page=home, site_name=f"Desa {n}")
        for n in range(count)
    )
    InstitutionSettings.objects.bulk_create(
        InstitutionSettings(site=site, official_name=site.site_name, institution_type="desa")
        for site in sites
    )


def test_one_row_costs_the_same_queries_with_10_or_200_institutions(tmp_path):
    ensure_wagtail_roots()
    rows = [row("Kabupaten Induk", "kabupaten", "induk.localhost")]
    rows += [row(f"Kalurahan {n}", "kalurahan", f"ada{n}.localhost") for n in range(8)]
    run(write_csv(tmp_path, rows, "ada.csv"))
    assert InstitutionSettings.objects.count() == 9

    at_10 = _queries_for_new_row(tmp_path, "baru1.localhost")
    _bulk_institutions(190)
    assert InstitutionSettings.objects.count() == 200
    at_200 = _queries_for_new_row(tmp_path, "baru2.localhost")

    assert at_10 == at_200
