"""The archive record and the installed SOP as PDFs to file as hardcopy: made by the real
WeasyPrint through the admin's HTTP views, read back with poppler's ``pdftotext``.

The PDFs are also written to ``test-artifacts/pdf/`` to look at.
"""

import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from sop_workflow.models import ArchiveRecord, InstalledSop
from sop_workflow.records import pdf
from tests.institutions import png_bytes
from tests.sop_helpers import SOPS, as_user, create_with_sop
from tests.test_sop_archive import publish_through_dpmk
from tests.tooling import require_tool

pytestmark = pytest.mark.django_db
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "pdf"
TITLE = "Musyawarah perencanaan pembangunan kalurahan tahun 2026"


def words(text: str) -> str:
    """Whitespace collapsed; a cell's line break after "/" (``data/⏎gambar``) or after a
    word's hyphen (``front-⏎end``) joined again."""
    return re.sub(r"(?<=\w)- (?=\w)", "-", re.sub(r"/ ", "/", " ".join(text.split())))


def read_pdf(response, name: str) -> tuple[str, dict[str, str]]:
    """The text of the downloaded PDF (whitespace collapsed) and its ``pdfinfo`` fields."""
    pdftotext = require_tool("pdftotext", "poppler-utils")
    pdfinfo = require_tool("pdfinfo", "poppler-utils")
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    path.write_bytes(response.content)
    # -raw: the text in drawing order, which is document order (each table cell in one piece)
    text = subprocess.run(
        [pdftotext, "-raw", str(path), "-"], capture_output=True, text=True, check=True
    )
    info = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, check=True)
    fields = dict(
        (key.strip(), value.strip())
        for key, _, value in (line.partition(":") for line in info.stdout.splitlines())
    )
    return words(text.stdout), fields


def page_footer(page: int, pages: str) -> str:
    with translation.override("id"):
        return gettext("Page %(page)s of %(pages)s") % {"page": page, "pages": pages}


def landscape(info: dict[str, str]) -> bool:
    width, height = (float(n) for n in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert "A4" in info["Page size"], info["Page size"]
    return width > height


@pytest.fixture
def dpmk():
    return create_with_sop("dpmk_bantul")


def test_the_archive_record_downloads_as_a_pdf_with_what_the_filing_clerk_needs(client, dpmk):
    page = publish_through_dpmk(client, dpmk, title=TITLE)
    record = ArchiveRecord.objects.get(page_id=page.pk)
    printed = as_user(client, dpmk.user("kasubbag")).get(
        reverse("sop_workflow:archive_print", args=[record.pk])
    )
    url = reverse("sop_workflow:archive_pdf", args=[record.pk])

    response = client.get(url)
    text, info = read_pdf(response, "archive-record.pdf")

    assert url in printed.content.decode()  # "Unduh PDF" next to the print hint
    assert response["Content-Disposition"] == (
        f'attachment; filename="arsip-400.14.2-001-{record.year}.pdf"'
    )
    assert record.archive_number in text
    assert record.agenda_number in text
    assert record.classification_code == "400.14.2"
    assert record.classification_code in text
    assert TITLE in text
    paraf = [p for approval in record.approvals for p in approval["paraf"]]
    assert [p["initials"] for p in paraf] == ["KB", "KS", "SD"]
    for p in paraf:
        assert f"{p['initials']} — {words(p['role'])}" in text
    assert "Kepala Bidang asal berita (Kabid)" in text
    assert not landscape(info)
    assert info["Pages"] == "1"
    assert page_footer(1, "1") in text
    with translation.override("id"):
        assert gettext("Download PDF") not in text
        assert gettext("Back") not in text


@pytest.mark.parametrize("sop_key", sorted(SOPS))
def test_the_installed_sop_downloads_as_a_landscape_pdf_with_every_step(client, sop_key):
    inst = create_with_sop(sop_key)
    installed = InstalledSop.objects.get(site=inst.site, is_current=True)
    definition = installed.definition
    member = as_user(client, inst.user(definition.roles[0].key))
    printed = member.get(reverse("sop_workflow:sop_print", args=[installed.pk]))
    url = reverse("sop_workflow:sop_pdf", args=[installed.pk])

    response = client.get(url)
    text, info = read_pdf(response, f"sop-{sop_key}.pdf")

    assert url in printed.content.decode()
    assert response["Content-Disposition"] == (
        f'attachment; filename="sop-{installed.key}-v{installed.version}.pdf"'
    )
    assert (definition.sop.number or "—") in text
    assert words(definition.sop.title) in text
    for step in definition.steps:
        assert words(step.description) in text, step.number
    for role in definition.roles:  # the Pelaksana column headers
        assert words(role.name) in text, role.key
    with translation.override("id"):
        assert gettext("Procedure description") in text
        assert gettext("Executors") in text
    assert landscape(info)
    pages = info["Pages"]
    assert page_footer(1, pages) in text
    assert page_footer(int(pages), pages) in text


def sop_pdf_text(client, sop_key: str, role: str) -> tuple[str, dict[str, str]]:
    inst = create_with_sop(sop_key)
    installed = InstalledSop.objects.get(site=inst.site, is_current=True)
    response = as_user(client, inst.user(role)).get(
        reverse("sop_workflow:sop_pdf", args=[installed.pk])
    )
    return read_pdf(response, f"sop-{sop_key}-flowchart.pdf")


def test_the_bunder_pdf_draws_its_flowchart_and_prints_times_and_numbers_as_signed(client):
    text, info = sop_pdf_text(client, "kalurahan_bunder", "ketua_ppid")

    # the flowchart's words, in drawing order: MULAI first, two decisions, SELESAI last
    labels = re.findall(r"\b(MULAI|Ya|Tidak|SELESAI)\b", text)
    assert labels[0] == "MULAI"
    assert labels[labels.index("MULAI") :].count("Tidak") == 2
    assert "SELESAI" in labels
    # the times as the signed SOP writes them, never respelled
    assert text.count("10 Menit") == 8
    assert text.count("15 Menit") == 2
    assert "60 Menit" in text
    assert not re.search(r"\d min\b", text)
    # steps 10 and 11 keep the numbers the scan gives them, 8 and 10
    assert "10 (8)" in text
    assert "11 (10)" in text
    assert "Angka dalam kurung pada kolom No adalah nomor langkah" in text
    # six rows a page: the header block, then steps 1-6 and 7-11, joined by connector A
    assert int(info["Pages"]) >= 3
    assert "Kegiatan mulai dan akhir" in text  # the legend of the symbols
    assert "Penghubung ke halaman lain" in text


def test_the_header_block_prints_the_approvers_rank_and_nip_and_the_decree(client):
    bantul, _info = sop_pdf_text(client, "kapanewon_bantul", "panewu")
    jenawi, _info = sop_pdf_text(client, "kecamatan_jenawi", "ppid_pelaksana")

    # name, rank (pangkat) and NIP under the title, as the signed SOP prints them
    assert "Panewu Kusmardiono, S.Sos., M.Acc Pembina Tk. 1/IVb NIP" in bantul
    assert re.search(r"Pembina Tk\. 1/IVb NIP ?\. 197009031998031010", bantul)
    assert "60 menit" in bantul
    assert "Keputusan Lampiran IX Keputusan Camat Jenawi Nomor 000.8.3.3/7.4 Tahun 2025" in jenawi
    assert jenawi.count("Tentatif") == 4


def test_inferred_roles_and_actors_are_marked_and_the_mark_explained(client):
    text, _info = sop_pdf_text(client, "dpmk_bantul", "sekdin")

    assert "Kepala Bidang asal berita (Kabid)*" in text
    assert "Kontributor Berita (staf bidang)*" in text
    assert "* Tidak tertulis pada SOP yang ditandatangani" in text


def test_other_institutions_get_no_pdf_but_operators_do(client, dpmk):
    record = ArchiveRecord.objects.get(page_id=publish_through_dpmk(client, dpmk).pk)
    installed = InstalledSop.objects.get(site=dpmk.site, is_current=True)
    urls = [
        reverse("sop_workflow:archive_pdf", args=[record.pk]),
        reverse("sop_workflow:sop_pdf", args=[installed.pk]),
    ]
    outsider = create_with_sop("kapanewon_bantul").user("panewu")
    operator = get_user_model().objects.create_superuser("operator-pdf", "op@example.go.id", "x")

    assert [as_user(client, outsider).get(url).status_code for url in urls] == [404, 404]
    assert [as_user(client, operator).get(url).status_code for url in urls] == [200, 200]
    client.logout()
    assert all(client.get(url).status_code == 302 for url in urls)  # to the admin login


def test_without_weasyprint_the_download_names_the_debian_packages(client, dpmk, monkeypatch):
    """A server without WeasyPrint (or pango) answers 503 with the print page and the reason.

    Only this test hides the module; every other test here renders with the real WeasyPrint.
    """
    record = ArchiveRecord.objects.get(page_id=publish_through_dpmk(client, dpmk).pk)
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # `import weasyprint` fails

    response = as_user(client, dpmk.user("kasubbag")).get(
        reverse("sop_workflow:archive_pdf", args=[record.pk])
    )
    html = response.content.decode()

    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert "libpango-1.0-0 libpangoft2-1.0-0" in html
    assert 'role="alert"' in html
    assert record.archive_number in html  # still printable from the browser


def test_images_come_from_static_and_media_files_and_nothing_is_fetched(settings, monkeypatch):
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "logo.png").write_bytes(png_bytes(120, 120))
    connections = []
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: connections.append(a))
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: connections.append(a) or [])

    content = pdf.html_to_pdf(
        '<img src="/media/logo.png" alt="Logo">'
        '<img src="https://example.com/tracker.png" alt="x">'
        '<img src="/media/../secrets.png" alt="y">'
    )

    assert content.startswith(b"%PDF-")
    assert content.count(b"/Subtype /Image") == 1
    assert connections == []
    assert pdf.media_name("http://pdf.invalid/media/logo.png") == "logo.png"
    assert pdf.media_name("http://pdf.invalid/media/../cms/settings/base.py") is None
    assert pdf.local_path("http://pdf.invalid/media/logo.png") is None  # media: storage only
    assert pdf.local_path("http://pdf.invalid/static/wagtailadmin/js/core.js").is_file()
    assert pdf.local_path("http://pdf.invalid/static/../cms/settings/base.py") is None
    assert pdf.local_path("file:///etc/passwd") is None


def test_the_page_counter_follows_the_translation_and_is_escaped_for_css():
    with translation.override("en"):
        assert pdf.page_counter_css() == '"Page " counter(page) " of " counter(pages)'

    assert pdf.css_string('a"</style>') == '"a\\000022\\00003c\\00002fstyle\\00003e"'
    assert pdf.safe_filename_part("000.8.3.2/001/2026") == "000.8.3.2-001-2026"
