"""References are checked on creation too: a page, the institution profile and every chooser
value may only point at the page's own institution's media and pages (issue 10)."""

from __future__ import annotations

import csv
import importlib
import io
import logging
import os

import openpyxl
import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accessibility.models import AudioVersion, BrailleVersion
from accessibility.tasks import FOREIGN_MEDIA, generate_audio, generate_braille
from home.checks import check_cross_institution_groups
from home.exports import neutralise_formula
from home.models import InstitutionSettings, NewsPage
from social_publish.posts import build_post
from tests.institutions import host_client

pytestmark = pytest.mark.django_db

ALT = "Warga membersihkan saluran irigasi di Padukuhan Bunder"
DOCUMENT_BLOCK_ID = "8c0f0e1a-0d55-4c3e-9d1b-6f1b0c7a2a11"


def document(inst, title: str):
    doc = get_document_model()(title=title, collection=inst.collection)
    doc.file.save("surat.txt", ContentFile(b"isi surat"), save=True)
    return doc


@pytest.fixture
def media(bantul, bunder):
    """Each institution's image and document, titled so a leak would show."""
    for inst, name in ((bantul, "Bantul"), (bunder, "Bunder")):
        inst.photo = inst.image(f"Foto rahasia {name}", f"Foto kegiatan {name}")
        inst.doc = document(inst, f"Surat rahasia {name}")
    return bantul, bunder


def news_data(*, title: str, image, doc, share_image, extra_html: str = "", action=None):
    """What the news editor posts: a captioned image and a document in the body, a share image."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "date": "2025-03-01",
            "news_type": "kegiatan",
            "tags": "",
            "lead": "Ringkasan berita untuk pembaca.",
            "body": streamfield(
                [
                    (
                        "image",
                        {
                            "image": {"image": image.pk, "alt_text": ALT, "decorative": ""},
                            "caption": "",
                            "credit": "",
                        },
                    ),
                    ("document", {"document": doc.pk, "title": "Unduh surat"}),
                    ("paragraph", rich_text(f"<p>Isi berita.</p>{extra_html}")),
                ]
            ),
            "share_image": share_image.pk if share_image else "",
            "share_image_alt": ALT,
            **{name: "" for name in ("what", "who", "when", "where", "why", "how")},
            "seo_title": "",
            "search_description": "",
        }
    )
    for position in range(3):
        data[f"body-{position}-id"] = f"{DOCUMENT_BLOCK_ID[:-1]}{position}"
    if action:
        data[action] = "1"
    return data


def create_url(inst) -> str:
    return reverse("wagtailadmin_pages:add", args=["home", "newspage", inst.news_index.pk])


def errors_text(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("action", [None, "action-submit", "action-publish"])
def test_creating_a_page_with_another_institutions_media_is_refused_naming_each_field(
    client, media, action
):
    """Acceptance: the real create view refuses another institution's image, document and
    share image, in Indonesian, naming each field; nothing is saved and nothing leaks."""
    bantul, bunder = media
    client.force_login(bantul.user("admin"))
    host_client(client, bantul.hostname)
    data = news_data(
        title="Kerja bakti irigasi",
        image=bunder.photo,
        doc=bunder.doc,
        share_image=bunder.photo,
        action=action,
    )

    response = client.post(create_url(bantul), data)

    html = errors_text(response)
    assert response.status_code == 200  # the editor again, with the errors
    assert "Gambar untuk dibagikan: gambar yang dipilih milik instansi lain" in html
    assert "Isi: gambar, dokumen yang dipilih milik instansi lain" in html
    assert "Pilih dari pustaka dan halaman instansi Anda sendiri." in html
    assert "Foto rahasia Bunder" not in html  # neither in a message nor in a chooser shown again
    assert "Surat rahasia Bunder" not in html
    assert f'name="share_image" value="{bunder.photo.pk}"' not in html
    assert "Warga membersihkan saluran" in html  # the editor's own text is kept
    assert not NewsPage.objects.filter(title="Kerja bakti irigasi").exists()


def test_creating_a_page_with_own_media_is_saved(client, media):
    bantul, _ = media
    client.force_login(bantul.user("admin"))
    host_client(client, bantul.hostname)
    data = news_data(
        title="Kerja bakti irigasi", image=bantul.photo, doc=bantul.doc, share_image=bantul.photo
    )

    response = client.post(create_url(bantul), data)

    page = NewsPage.objects.get(title="Kerja bakti irigasi")
    assert response.status_code == 302
    assert page.share_image == bantul.photo
    assert page.get_parent().pk == bantul.news_index.pk


def test_a_rich_text_link_to_another_institutions_page_is_refused_on_create(client, media):
    bantul, bunder = media
    foreign_page = bunder.news("Kabar rahasia Bunder")
    client.force_login(bantul.user("penulis"))
    host_client(client, bantul.hostname)
    link = f'<p><a linktype="page" id="{foreign_page.pk}">baca juga</a></p>'
    data = news_data(
        title="Berita dengan tautan",
        image=bantul.photo,
        doc=bantul.doc,
        share_image=None,
        extra_html=link,
    )

    response = client.post(create_url(bantul), data)

    html = errors_text(response)
    assert "Isi: halaman yang dipilih milik instansi lain" in html
    assert "Kabar rahasia Bunder" not in html
    assert foreign_page.url not in html
    assert "baca juga" in html  # the link text stays, without the link
    assert not NewsPage.objects.filter(title="Berita dengan tautan").exists()


def test_editing_a_draft_to_use_another_institutions_share_image_is_refused(client, media):
    bantul, bunder = media
    page = bantul.news("Musyawarah padukuhan", publish=False)
    client.force_login(bantul.user("penulis"))
    host_client(client, bantul.hostname)
    data = news_data(title=page.title, image=bantul.photo, doc=bantul.doc, share_image=bunder.photo)
    data["slug"] = page.slug

    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    html = errors_text(response)
    assert response.status_code == 200
    assert html.count("Gambar untuk dibagikan: gambar yang dipilih milik instansi lain") == 1
    assert "Foto rahasia Bunder" not in html  # nor in the share image chooser shown again
    page.refresh_from_db()
    assert page.share_image is None
    assert page.latest_revision.as_object().share_image_id is None


def test_the_institution_logo_must_be_one_of_its_own_images(client, media):
    bantul, bunder = media
    client.force_login(bantul.user("admin"))
    host_client(client, bantul.hostname)
    url = reverse("wagtailsettings:edit", args=["home", "institutionsettings", bantul.site.pk])
    profile = bantul.settings
    data = {
        "official_name": profile.official_name,
        "short_name": profile.short_name,
        "institution_type": profile.institution_type,
        "parent_region": profile.parent_region,
        "logo": bunder.photo.pk,
        "brand_colour": profile.brand_colour,
        "address": "",
        "phone": "",
        "email": "",
        "time_zone": profile.time_zone,
        "office_hours": '{"mon": ["07:30", "16:00"]}',
        "facebook_url": "",
        "instagram_url": "",
        "youtube_url": "",
        "x_url": "",
    }

    refused = client.post(url, data)
    refused_html = errors_text(refused)
    assert refused.status_code == 200
    assert "Logo: gambar yang dipilih milik instansi lain" in refused_html
    assert "Foto rahasia Bunder" not in refused_html
    assert InstitutionSettings.objects.get(pk=profile.pk).logo_id is None

    accepted = client.post(url, {**data, "logo": bantul.photo.pk})
    assert accepted.status_code == 302
    assert InstitutionSettings.objects.get(pk=profile.pk).logo_id == bantul.photo.pk


FORMULA_TITLE = '=HYPERLINK("http://contoh.invalid/curi","Klik")'


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_an_exported_title_that_looks_like_a_formula_stays_text(client, bantul, export_format):
    """The accessibility report's real download: the title is read back as text, not a formula."""
    bantul.news(FORMULA_TITLE)
    client.force_login(bantul.user("penulis"))
    host_client(client, bantul.hostname)

    response = client.get(reverse("accessibility:report"), {"export": export_format})

    assert response.status_code == 200
    cells = exported_cells(response, export_format)
    assert "'" + FORMULA_TITLE in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_wagtails_own_report_exports_a_formula_title_as_text(
    client, bantul, django_user_model, export_format
):
    """Wagtail's *Aging pages* report (an export of Wagtail's, not ours) goes through the helper."""
    bantul.news(FORMULA_TITLE)
    client.force_login(django_user_model.objects.create_superuser("operator", "o@x.id", "x"))

    response = client.get(reverse("wagtailadmin_reports:aging_pages"), {"export": export_format})

    assert response.status_code == 200
    cells = exported_cells(response, export_format)
    assert "'" + FORMULA_TITLE in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def exported_cells(response, export_format: str) -> list[str]:
    """Every cell of a downloaded CSV or XLSX file, as text (an XLSX formula cell fails)."""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        return [cell for row in csv.reader(io.StringIO(raw.decode())) for cell in row]
    sheet = openpyxl.load_workbook(io.BytesIO(raw)).active
    values = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in values)
    return [str(cell.value) for cell in values if cell.value is not None]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+62 812", "'+62 812"),
        ("-", "'-"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Kerja bakti", "Kerja bakti"),
        (-5, -5),
        (None, None),
    ],
)
def test_the_export_helper_neutralises_only_formula_text(value, written):
    assert neutralise_formula(value) == written


def test_the_social_upload_re_checks_each_file_before_reading_it(media, caplog):
    """A live page pointing at another institution's share image and document (written past
    the editor) uploads neither; the refusal is logged with its reason."""
    bantul, bunder = media
    page = bantul.news("Kabar dengan lampiran")
    NewsPage.objects.filter(pk=page.pk).update(share_image=bunder.photo)
    page = NewsPage.objects.get(pk=page.pk)
    page.body = [
        {"type": "document", "value": {"document": bunder.doc.pk, "title": "Surat"}},
        {"type": "document", "value": {"document": bantul.doc.pk, "title": "Surat"}},
    ]

    with caplog.at_level(logging.WARNING, logger="social_publish.posts"):
        post = build_post(page)

    assert post.image is None
    assert [m.filename for m in post.documents] == [os.path.basename(bantul.doc.file.name)]
    assert "not in the page's institution's collection" in caplog.text


def test_the_system_check_refuses_a_group_holding_the_root_page_or_collection(bantul):
    root = Page.get_first_root_node()
    group = Group.objects.create(name="Semua instansi")
    assert not check_cross_institution_groups(databases=["default"])

    GroupPagePermission.objects.create(
        group=group, page=root, permission=Permission.objects.get(codename="change_page")
    )
    errors = check_cross_institution_groups(databases=["default"])
    assert [(e.id, "Semua instansi" in e.msg) for e in errors] == [("home.E002", True)]

    GroupPagePermission.objects.filter(group=group).delete()
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="add_image"),
    )
    assert [e.id for e in check_cross_institution_groups(databases=["default"])] == ["home.E002"]


def test_wagtails_default_groups_are_gone_and_institution_roles_pass_the_check(bantul):
    """The migration removed *Editors* and *Moderators*; provisioning adds no wide group."""
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert Group.objects.filter(institution_role__site=bantul.site).exists()
    assert check_cross_institution_groups(databases=["default"]) == []


def test_the_migration_strips_a_default_group_that_still_has_members(bantul, django_user_model):
    migration = importlib.import_module("home.migrations.0004_remove_cross_institution_groups")
    editors = Group.objects.create(name="Editors")
    GroupPagePermission.objects.create(
        group=editors,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="publish_page"),
    )
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    django_user_model.objects.create_user("lurah-lama").groups.add(editors)
    Group.objects.create(name="Moderators")

    migration.remove_cross_institution_groups(django_apps, None)

    assert not Group.objects.filter(name="Moderators").exists()
    editors = Group.objects.get(name="Editors")
    assert editors.user_set.filter(username="lurah-lama").exists()
    assert not editors.permissions.exists()
    assert not GroupPagePermission.objects.filter(group=editors).exists()


def test_the_user_forms_offer_institution_roles_only_labelled_with_the_institution(
    client, bantul, bunder, django_user_model
):
    wide = Group.objects.create(name="Editors")
    clerk = django_user_model.objects.create_user("kerani", "kerani@example.go.id", "x")
    client.force_login(django_user_model.objects.create_superuser("operator", "o@x.id", "x"))

    create_html = client.get(reverse("wagtailusers_users:add")).content.decode()
    edit_html = client.get(reverse("wagtailusers_users:edit", args=[clerk.pk])).content.decode()
    refused = client.post(
        reverse("wagtailusers_users:edit", args=[clerk.pk]),
        {
            "username": "kerani",
            "email": "kerani@example.go.id",
            "first_name": "",
            "last_name": "",
            "is_active": "on",
            "groups": [wide.pk],
        },
    )

    for html in (create_html, edit_html):
        groups = html.split('name="groups"', 1)[-1].split("</fieldset>")[0]
        assert f'value="{wide.pk}"' not in groups
        assert "Editors" not in groups
        assert f"{bantul.site.site_name} — Penulis" in html
        assert f"{bunder.site.site_name} — Penulis" in html
        assert "Grup yang bukan peran instansi tidak pernah ditawarkan" in html
    assert refused.status_code == 200  # the form again, with the error
    assert not clerk.groups.exists()


def test_the_audio_and_braille_jobs_refuse_a_page_using_another_institutions_image(media, caplog):
    """A live page whose share image (written past the editor) is another institution's gets
    no audio or braille version; the job logs why."""
    bantul, bunder = media
    page = bantul.news("Kabar dengan foto")
    NewsPage.objects.filter(pk=page.pk).update(share_image=bunder.photo)

    with caplog.at_level(logging.WARNING, logger="accessibility.tasks"):
        audio = generate_audio(page.pk)
        braille = generate_braille(page.pk)

    assert (audio, braille) == (FOREIGN_MEDIA, FOREIGN_MEDIA)
    assert not AudioVersion.objects.filter(page_id=page.pk).exists()
    assert not BrailleVersion.objects.filter(page_id=page.pk).exists()
    assert "uses another institution's gambar" in caplog.text
