"""Editors and approvers use the Wagtail admin in Indonesian (LANGUAGE_CODE = "id").

Wagtail 8's own id_ID catalogues translate only part of the admin; the project catalogue
locale/id/LC_MESSAGES/{django,djangojs}.po fills the gaps (and fixes terms that clash with
the glossary in locale/GLOSSARY.md). LOCALE_PATHS wins over every app catalogue.

.mo files are not committed (the build runs compilemessages), so these tests compile the
committed .po files into a temporary LOCALE_PATHS with GNU msgfmt, exactly as the build does.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import wagtail
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation
from wagtail.models import Page

from tests.browser.support import DESKTOP, log_in, screenshot, site_url
from tests.social_support import facebook_channel
from tests.sop_helpers import create_with_sop, draft

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
CATALOGUES = {
    domain: LOCALE_DIR / "id" / "LC_MESSAGES" / f"{domain}.po" for domain in ("django", "djangojs")
}
WAGTAIL_DIR = Path(wagtail.__file__).resolve().parent
WAGTAIL_SOURCE = {  # Wagtail's English catalogues list every msgid its code and templates use
    "wagtail.admin": WAGTAIL_DIR / "admin" / "locale" / "en" / "LC_MESSAGES" / "django.po",
    "wagtail": WAGTAIL_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po",
}
WAGTAIL_ADMIN_JS_SOURCE = WAGTAIL_DIR / "admin" / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"


# --- a minimal .po reader (stdlib only) ---------------------------------------------------


def read_po(path: Path) -> list[dict]:
    """Entries of a .po file as dicts with ctx, id, plural and strs; header and obsolete skipped."""
    entries: list[dict] = []
    entry: dict | None = None
    field = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):  # continuation of the previous keyword's string
            value = ast.literal_eval(line)
            if field == "strs":
                entry["strs"][-1] += value
            else:
                entry[field] = (entry[field] or "") + value
            continue
        keyword, _, rest = line.partition(" ")
        value = ast.literal_eval(rest)
        starts_entry = keyword == "msgctxt" or (
            keyword == "msgid" and (entry is None or entry["strs"])
        )
        if starts_entry:
            entry = {"ctx": None, "id": "", "plural": None, "strs": []}
            entries.append(entry)
        if keyword == "msgctxt":
            entry["ctx"], field = value, "ctx"
        elif keyword == "msgid":
            entry["id"], field = value, "id"
        elif keyword == "msgid_plural":
            entry["plural"], field = value, "plural"
        elif keyword.startswith("msgstr"):
            entry["strs"].append(value)
            field = "strs"
    return [e for e in entries if e["id"]]


def render(entry: dict, count: int = 2) -> str:
    """What the running site shows for a source entry in the active language."""
    ctx, msgid, plural = entry["ctx"], entry["id"], entry["plural"]
    if plural:
        if ctx:
            return translation.npgettext(ctx, msgid, plural, count)
        return translation.ngettext(msgid, plural, count)
    return translation.pgettext(ctx, msgid) if ctx else translation.gettext(msgid)


# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compiled_locale(tmp_path_factory) -> Path:
    """The committed catalogues compiled into a throwaway LOCALE_PATHS directory."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:  # no gettext here: use the .mo files the build compiled, if current
        mos = [po.with_suffix(".mo") for po in CATALOGUES.values()]
        if all(
            mo.exists() and mo.stat().st_mtime >= mo.with_suffix(".po").stat().st_mtime
            for mo in mos
        ):
            return LOCALE_DIR
        pytest.fail("GNU gettext (msgfmt) is needed to compile locale/id (apt-get install gettext)")
    target = tmp_path_factory.mktemp("locale") / "id" / "LC_MESSAGES"
    target.mkdir(parents=True)
    for domain, po in CATALOGUES.items():
        result = subprocess.run(
            [msgfmt, "--check", "-o", str(target / f"{domain}.mo"), str(po)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, f"msgfmt --check {po.name}:\n{result.stderr}"
    return target.parent.parent


@pytest.fixture
def indonesian(compiled_locale):
    # Changing LOCALE_PATHS makes Django drop its cached catalogues (django.test.signals).
    with override_settings(LOCALE_PATHS=[compiled_locale]), translation.override("id"):
        yield


# --- the editor / approver journey ---------------------------------------------------------

# (msgctxt, msgid, msgid_plural, expected Indonesian or None = "anything but the English")
JOURNEY = [
    # navigation and dashboard
    (None, "Dashboard", None, "Dasbor"),
    (None, "Pages", None, "Halaman"),
    (None, "Snippets", None, "Cuplikan"),
    (None, "Images", None, "Gambar"),
    (None, "Documents", None, "Dokumen"),
    (None, "Reports", None, "Laporan"),
    (None, "Workflows", None, "Alur kerja"),
    (None, "Workflow tasks", None, "Tugas alur kerja"),
    (None, "Locked pages", None, "Halaman terkunci"),
    (None, "Site history", None, "Riwayat situs"),
    (None, "Aging pages", None, None),
    (None, "Settings", None, "Pengaturan"),
    (None, "Help", None, "Bantuan"),
    (None, "Awaiting your review", None, "Menunggu tinjauan Anda"),
    (None, "Your pages and snippets in a workflow", None, None),
    (None, "Your locked pages", None, None),
    (None, "Search all pages…", None, "Cari semua halaman…"),
    # the page editor
    (None, "Save draft", None, "Simpan draf"),
    (None, "Publish", None, "Terbitkan"),
    (None, "Unpublish", None, "Batal terbitkan"),
    (None, "Preview", None, "Pratinjau"),
    (None, "Schedule to publish", None, "Jadwalkan terbit"),
    (None, "Set publishing schedule", None, None),
    (None, "Go-live:", None, "Tayang:"),
    (None, "Expiry:", None, "Kedaluwarsa:"),
    (None, "Comments", None, "Komentar"),
    (None, "Add comment", None, None),
    (None, "Draft", None, "Draf"),
    (None, "Live", None, "Tayang"),
    (None, "History", None, "Riwayat"),
    (None, "Compare with previous version", None, None),
    (None, "This field is required.", None, "Isian ini wajib diisi."),
    # moderation: submitting and approving
    (None, "Submit for moderation", None, "Ajukan untuk moderasi"),
    (None, "Submit to %(workflow_name)s", None, "Ajukan ke %(workflow_name)s"),
    (None, "Resubmit to %(task_name)s", None, "Ajukan ulang ke %(task_name)s"),
    (None, "Approve", None, "Setujui"),
    (None, "Approve with comment", None, "Setujui dengan komentar"),
    (None, "Request changes", None, "Minta perubahan"),
    (None, "Changes requested", None, "Perubahan diminta"),
    (None, "Needs changes", None, "Perlu perubahan"),
    (None, "In Moderation", None, "Dalam Moderasi"),
    (None, "In progress", None, "Sedang berjalan"),
    (None, "Group approval task", None, "Tugas persetujuan grup"),
    (None, "Publish 1 page", "Publish %(counter)s pages", "Terbitkan %(counter)s halaman"),
    # notification e-mails (subjects and bodies)
    (None, "Hello %(username)s,", None, "Halo %(username)s,"),
    (
        None,
        'The page "%(title)s" has been submitted to workflow "%(workflow)s"',
        None,
        'Halaman "%(title)s" telah diajukan ke alur kerja "%(workflow)s"',
    ),
    (
        None,
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"',
        None,
        'Halaman "%(title)s" telah diajukan untuk persetujuan pada tahap moderasi "%(task)s"',
    ),
    (None, 'The page "%(title)s" has been approved in "%(task)s".', None, None),
    (None, 'The page "%(title)s" has been approved in "%(workflow)s".', None, None),
    (None, 'The page "%(title)s" has been rejected during "%(task)s".', None, None),
    (None, 'The page "%(title)s" has been rejected during "%(workflow)s".', None, None),
    (None, '%(editor)s has updated comments on "%(title)s"', None, None),
    (None, "You can preview the page here:", None, None),
]


def _source_keys() -> set[tuple]:
    keys = set()
    for path in [*WAGTAIL_SOURCE.values(), *WAGTAIL_DIR.glob("*/locale/en/LC_MESSAGES/django.po")]:
        keys.update((e["ctx"], e["id"], e["plural"]) for e in read_po(path))
    return keys


def test_catalogues_have_a_valid_indonesian_header():
    for po in CATALOGUES.values():
        head = po.read_text(encoding="utf-8").split("\n\n", 1)[0]
        assert '"Language: id\\n"' in head
        assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in head
        assert "GLOSSARY" in head


def test_journey_strings_are_wagtail_msgids():
    """If a Wagtail upgrade renames one of these, this test says which."""
    keys = _source_keys()
    unknown = [
        (ctx, msgid) for ctx, msgid, plural, _ in JOURNEY if (ctx, msgid, plural) not in keys
    ]
    assert not unknown


@pytest.mark.parametrize(
    ("ctx", "msgid", "plural", "expected"), JOURNEY, ids=[j[1][:40] for j in JOURNEY]
)
def test_editor_and_approver_journey_is_indonesian(indonesian, ctx, msgid, plural, expected):
    shown = render({"ctx": ctx, "id": msgid, "plural": plural})
    assert shown != (plural or msgid), f"{msgid!r} is still English"
    if expected is not None:
        assert shown == expected


def test_workflow_email_subject_renders_with_placeholders(indonesian):
    subject = translation.gettext(
        'The %(model_name)s "%(title)s" has been submitted to workflow "%(workflow)s"'
    )
    assert subject % {"model_name": "berita", "title": "Jalan desa", "workflow": "Persetujuan"} == (
        'berita "Jalan desa" telah diajukan ke alur kerja "Persetujuan"'
    )


def test_admin_javascript_strings_are_indonesian(compiled_locale):
    # The admin's JS catalogue: JavaScriptCatalog(packages=["wagtail.admin"]) + LOCALE_PATHS.
    with override_settings(LOCALE_PATHS=[compiled_locale]):
        js = DjangoTranslation(
            "id", domain="djangojs", localedirs=[WAGTAIL_DIR / "admin" / "locale"]
        )
        assert js.gettext("Page explorer") == "Penjelajah halaman"
        assert js.gettext("Main menu") == "Menu utama"
        assert js.gettext("Toggle sidebar") == "Buka/tutup bilah samping"
        assert js.gettext("Enter your comments...") == "Tulis komentar Anda..."
        missing = [
            e["id"]
            for e in read_po(WAGTAIL_ADMIN_JS_SOURCE)
            if (js.ngettext(e["id"], e["plural"], 2) if e["plural"] else js.gettext(e["id"]))
            == (e["plural"] or e["id"])
            and e["id"] not in {"%(time_zone_option)s: %(localized_time_zone_label)s"}
        ]
        assert not missing


# --- overall coverage of wagtail.admin and wagtail core --------------------------------------

# Strings that are legitimately the same in Indonesian.
IDENTICAL_IN_INDONESIAN = {
    "Admin",
    "Administrator",
    "Alias",
    "Email",
    "Filter",
    "Format",
    "ID",
    "item",
    "Minimum",
    "OK",
    "port",
    "hostname",
    "slug",
    "Slug",
    "Status",
    "status",
    "Status: ",
    "Status %(status)s",
    "Tag",
    "Token",
    "URL",
    "Wagtail",
}
_PLACEHOLDERS = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}|<[^>]+>")


def _needs_translation(msgid: str) -> bool:
    return msgid not in IDENTICAL_IN_INDONESIAN and re.search(
        r"[A-Za-z]", _PLACEHOLDERS.sub("", msgid)
    )


@pytest.mark.parametrize("app", list(WAGTAIL_SOURCE))
def test_wagtail_admin_and_core_are_at_least_97_percent_indonesian(indonesian, app):
    entries = [e for e in read_po(WAGTAIL_SOURCE[app]) if _needs_translation(e["id"])]
    english = [e["id"] for e in entries if render(e) == (e["plural"] or e["id"])]
    coverage = 1 - len(english) / len(entries)
    assert coverage >= 0.97, f"{app}: {coverage:.1%} Indonesian; still English: {english[:20]}"


# --- every page of each role's journey, in Chromium ----------------------------------------

# Shown by Wagtail or Django without a msgid, or a msgid's English as a value: never on screen.
ENGLISH_WITHOUT_MSGID = {
    "Validation error in StreamBlock",
    "True",
    "False",
    "Site name",
    "Root page",
    "Image",
}
# Indonesian that is also an English msgid: "No" (nomor) heads the printed SOP's first column.
SHOWN_AS_INDONESIAN = {"No"}
NATURALTIME_ENGLISH = re.compile(r"\b(a|an|\d+)\s(second|minute|hour|day|week)s?\sago\b")
DECIMAL_POINT_FIGURE = re.compile(r"\b\d+\.\d\s(mnt|%)")
# Visible text nodes and placeholders of the page, whitespace collapsed.
VISIBLE_TEXT_JS = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.nodeValue.replace(/\\s+/g, " ").trim();
    if (!text || !el || el.closest("script, style, template, noscript")) continue;
    if (el.checkVisibility({visibilityProperty: true})) out.push(text);
  }
  for (const el of document.querySelectorAll("[placeholder]")) {
    if (el.checkVisibility()) out.push(el.placeholder.trim());
  }
  return out;
}"""


def english_msgids() -> set[str]:
    """Wagtail's admin msgids (Python and JS) whose Indonesian differs from the English."""
    sources = [
        *WAGTAIL_SOURCE.values(),
        *WAGTAIL_DIR.glob("*/locale/en/LC_MESSAGES/django.po"),
        *WAGTAIL_DIR.glob("contrib/*/locale/en/LC_MESSAGES/django.po"),
    ]
    found = set(ENGLISH_WITHOUT_MSGID)
    for path in sources:
        for entry in read_po(path):
            msgid = entry["id"]
            if entry["plural"] or _PLACEHOLDERS.search(msgid) or not _needs_translation(msgid):
                continue
            if render(entry) != msgid:
                found.add(msgid)
    js = DjangoTranslation("id", domain="djangojs", localedirs=[WAGTAIL_DIR / "admin" / "locale"])
    for entry in read_po(WAGTAIL_ADMIN_JS_SOURCE):
        msgid = entry["id"]
        plain = not entry["plural"] and not _PLACEHOLDERS.search(msgid)
        if plain and _needs_translation(msgid) and js.gettext(msgid) != msgid:
            found.add(msgid)
    return found


def english_on(tab, english: set[str]) -> list[str]:
    """The English strings ``tab`` shows: msgids, naturaltime phrases, decimal points."""
    shown = []
    for text in tab.evaluate(VISIBLE_TEXT_JS):
        bare = text.rstrip("*:").strip()
        message = bare.rsplit(": ", 1)[-1]  # "Isi: …", a field's error in the error summary
        msgid_shown = (bare in english or message in english) and bare not in SHOWN_AS_INDONESIAN
        if msgid_shown or NATURALTIME_ENGLISH.search(text) or DECIMAL_POINT_FIGURE.search(text):
            shown.append(text)
    return shown


@pytest.fixture
def journey(chromium, live_server, indonesian):
    """``journey.visit(user, inst, path, name)``: open ``path`` logged in, note English shown."""
    english = english_msgids()

    class Journey:
        def __init__(self):
            self.found: dict[str, list[str]] = {}
            self.contexts: list = []

        def tab(self, inst, user):
            context = chromium.new_context(viewport=DESKTOP, locale="id-ID")
            self.contexts.append(context)
            tab = context.new_page()
            log_in(tab, live_server, inst, user)
            return tab

        def visit(self, tab, inst, path: str, name: str):
            tab.goto(site_url(live_server, inst.hostname, path))
            tab.wait_for_load_state("networkidle")
            self.check(tab, name)

        def check(self, tab, name: str):
            screenshot(tab, f"locale-{name}")
            shown = english_on(tab, english)
            if shown:
                self.found[name] = sorted(set(shown))

    walk = Journey()
    yield walk
    for context in walk.contexts:
        context.close()


def every_block_body(inst) -> list[dict]:
    """A body with one block of each type of the editor (empty where a chooser is needed)."""
    image = inst.image()
    return [
        {"type": "paragraph", "value": "<p>Warga bergotong royong.</p>", "id": "b1"},
        {"type": "heading", "value": {"text": "Kegiatan", "level": "h2"}, "id": "b2"},
        {
            "type": "image",
            "id": "b3",
            "value": {
                "image": {"image": image.pk, "alt_text": "", "decorative": False},
                "caption": "",
                "credit": "",
            },
        },
        {"type": "gallery", "id": "b4", "value": {"title": "Galeri", "images": []}},
        {"type": "video", "id": "b5", "value": {"title": "Video kegiatan"}},
        {"type": "document", "id": "b6", "value": {"document": None, "title": ""}},
        {
            "type": "quote",
            "value": {"quote": "Kami bekerja bersama.", "attribution": ""},
            "id": "b7",
        },
    ]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_every_page_of_each_roles_journey_shows_no_english(journey):
    bunder = create_with_sop("kalurahan_bunder")
    writer, reviewer, admin = (bunder.user(key) for key in ("admin_medsos", "seksi", "admin"))
    page = draft(bunder, title="Kerja bakti Kalurahan Bunder", body=every_block_body(bunder))

    # The writer: dashboard, explorer, the editor with every block type, the block chooser,
    # the refused publication (validation errors), the submission.
    tab = journey.tab(bunder, writer)
    journey.visit(tab, bunder, "/admin/", "writer-dashboard")
    journey.visit(tab, bunder, f"/admin/pages/{page.get_parent().pk}/", "writer-explorer")
    journey.visit(tab, bunder, f"/admin/pages/{page.pk}/edit/", "writer-editor")
    tab.locator("button.c-sf-add-button").first.click()
    journey.check(tab, "writer-block-chooser")
    tab.keyboard.press("Escape")
    tab.locator("footer .w-dropdown__toggle").first.click()
    with tab.expect_navigation():
        tab.locator('footer button[name="action-submit"]').first.click()
    journey.check(tab, "writer-editor-errors")

    # The reviewer: dashboard with the task, every task modal of the editor's footer.
    body = every_block_body(bunder)
    body[2]["value"]["image"]["alt_text"] = "Warga membersihkan saluran"
    body = [block for block in body if block["type"] not in {"gallery", "video", "document"}]
    page = Page.objects.get(pk=page.pk).specific
    page.body = body
    page.save_revision(user=writer)
    journey.visit(tab, bunder, f"/admin/pages/{page.pk}/edit/", "writer-editor-clean")
    tab.locator("footer .w-dropdown__toggle").first.click()
    with tab.expect_navigation():
        tab.locator('footer button[name="action-submit"]').first.click()

    tab = journey.tab(bunder, reviewer)
    journey.visit(tab, bunder, "/admin/", "reviewer-dashboard")
    editor = f"/admin/pages/{page.pk}/edit/"
    journey.visit(tab, bunder, editor, "reviewer-editor")
    tab.locator("footer .w-dropdown__toggle").first.click()
    modal_actions = "footer [data-workflow-action-modal-url]"
    count = tab.locator(modal_actions).count()
    assert count >= 2  # request changes, approve with comment
    for index in range(count):
        journey.visit(tab, bunder, editor, "reviewer-editor")
        tab.locator("footer .w-dropdown__toggle").first.click()
        button = tab.locator(modal_actions).nth(index)
        name = button.get_attribute("data-workflow-action-name")
        button.click()
        tab.locator(".modal-content form").first.wait_for()
        journey.check(tab, f"reviewer-modal-{name}-{index}")
    # The same tasks' modals from the dashboard's "awaiting your review" panel.
    journey.visit(tab, bunder, "/admin/", "reviewer-dashboard")
    launchers = tab.locator("[data-launch-modal]")
    for index in range(launchers.count()):
        journey.visit(tab, bunder, "/admin/", "reviewer-dashboard")
        launcher = tab.locator("[data-launch-modal]").nth(index)
        launcher.evaluate("button => button.click()")  # in a dropdown that may be closed
        tab.locator(".modal-content form").first.wait_for()
        journey.check(tab, f"reviewer-dashboard-modal-{index}")

    # The institution admin: every report, the settings and the account screens.
    tab = journey.tab(bunder, admin)
    reports = {
        "locked": reverse("wagtailadmin_reports:locked_pages"),
        "workflow": reverse("wagtailadmin_reports:workflow"),
        "workflow-tasks": reverse("wagtailadmin_reports:workflow_tasks"),
        "site-history": reverse("wagtailadmin_reports:site_history"),
        "aging-pages": reverse("wagtailadmin_reports:aging_pages"),
        # (the page types usage report is the operators': home/admin_guard.py)
        "compliance": reverse("sop_workflow:compliance_report"),
        "accessibility": reverse("accessibility:report"),
        "sop-document": reverse("sop_workflow:sop_index"),
        "dispositions": reverse("sop_workflow_dispositions:index"),
        "intake-register": reverse("sop_workflow_intake_register:index"),
    }
    for name, path in reports.items():
        journey.visit(tab, bunder, path, f"admin-report-{name}")
    settings_url = reverse(
        "wagtailsettings:edit", args=["home", "institutionsettings", bunder.site.pk]
    )
    journey.visit(tab, bunder, settings_url, "admin-settings")
    journey.visit(tab, bunder, reverse("wagtailadmin_account"), "admin-account")
    journey.visit(tab, bunder, reverse("wagtailusers_users:index"), "admin-users")

    assert journey.found == {}, journey.found


@pytest.mark.django_db
@pytest.mark.usefixtures("social_env")
def test_a_channel_s_booleans_read_ya_or_tidak(client, indonesian, bunder, bantul, fake_graph):
    channel = facebook_channel(bunder, fake_graph, publish_by_default=True)
    url = reverse("social_publish_channels:inspect", args=[channel.pk])
    client.force_login(bunder.user("admin"))

    html = client.get(url).content.decode()

    assert re.search(r"<dd>\s*Ya\s*</dd>", html)
    assert not re.search(r">\s*(True|False)\s*<", html)
    client.force_login(bantul.user("admin"))  # another institution: nothing of it
    response = client.get(url)
    assert response.status_code == 404
    assert channel.name not in response.content.decode()
