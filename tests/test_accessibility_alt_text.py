"""Alt text and captions: what counts as missing, and the admin refusing to let it out."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accessibility.alternatives import AltTextFault, alt_text_fault
from accessibility.checks import missing_alternatives
from home.models import StandardPage
from tests.institutions import host_client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("alt", "fault"),
    [
        ("", AltTextFault.MISSING),
        ("   ", AltTextFault.MISSING),
        ("IMG_2024.jpg", AltTextFault.FILE_NAME),
        ("IMG_2024", AltTextFault.FILE_NAME),
        ("DSC01234.JPG", AltTextFault.FILE_NAME),
        ("foto kegiatan.png", AltTextFault.FILE_NAME),
        ("WhatsApp Image 2024-03-01 at 09.12.33", AltTextFault.FILE_NAME),
        ("20240301_091233", AltTextFault.FILE_NAME),
        ("gambar", AltTextFault.PLACEHOLDER),
        ("Foto", AltTextFault.PLACEHOLDER),
        ("foto 1", AltTextFault.PLACEHOLDER),
        ("image", AltTextFault.PLACEHOLDER),
        ("photo", AltTextFault.PLACEHOLDER),
        ("-", AltTextFault.PLACEHOLDER),
        ("abc", AltTextFault.TOO_SHORT),
        ("12345678 9", AltTextFault.FILE_NAME),
    ],
)
def test_alt_text_that_says_nothing_counts_as_missing(alt, fault):
    assert alt_text_fault(alt) is fault


@pytest.mark.parametrize(
    "alt",
    [
        "Warga bergotong royong membersihkan saluran irigasi di Padukuhan Bunder",
        "Peta Kapanewon Bantul",
        "Foto bersama peserta Musrenbang di Balai Kalurahan",
        "Grafik APBDes 2025",
    ],
)
def test_real_descriptions_pass(alt):
    assert alt_text_fault(alt) is None


def image_block(image, alt="", decorative=False, caption=""):
    return {
        "image": {"image": image.pk, "alt_text": alt, "decorative": decorative},
        "caption": caption,
        "credit": "",
    }


def test_every_image_and_video_reaching_the_page_is_listed(bantul):
    good = bantul.image("Rapat", "Peserta rapat koordinasi di pendopo")
    camera = bantul.image("IMG_2024", "")
    page = bantul.news(
        publish=False,
        share_image=camera,
        share_image_alt="gambar",
        body=raw_stream(
            ("image", image_block(camera, alt="IMG_2024.jpg")),
            ("image", image_block(good, alt="Peserta rapat koordinasi di pendopo")),
            (
                "gallery",
                {
                    "title": "Galeri",
                    "images": [
                        {"type": "item", "value": image_block(good, decorative=True), "id": "g1"},
                        {"type": "item", "value": image_block(camera, alt=""), "id": "g2"},
                    ],
                },
            ),
            ("paragraph", rich_text_source(camera.pk, alt="foto")),
            (
                "video",
                {
                    "title": "Liputan rapat",
                    "file": None,
                    "embed": None,
                    "captions": None,
                    "transcript": "",
                },
            ),
        ),
    )

    problems = missing_alternatives(Page.objects.get(pk=page.pk).specific)

    assert [p.kind for p in problems] == [
        "share_image",
        "image",
        "image",
        "rich_text_image",
        "video",
    ]
    assert [p.name for p in problems][:3] == ["IMG_2024"] * 3
    assert problems[2].position == "Isi, blok 3 (Galeri), butir 2"  # Indonesian admin


def raw_stream(*blocks) -> list[dict]:
    """StreamField content in its stored JSON form (what a revision holds)."""
    return [{"type": kind, "value": value, "id": f"b{i}"} for i, (kind, value) in enumerate(blocks)]


def rich_text_source(image_id, alt):
    return (
        f'<p>Rapat dimulai pagi.</p><embed embedtype="image" id="{image_id}" '
        f'alt="{alt}" format="fullwidth"/>'
    )


def test_rich_text_image_marked_decorative_and_transcript_pass(bantul):
    image = bantul.image()
    page = bantul.news(
        publish=False,
        body=raw_stream(
            ("paragraph", rich_text_source(image.pk, alt="")),
            (
                "video",
                {
                    "title": "Liputan",
                    "file": None,
                    "embed": None,
                    "captions": None,
                    "transcript": "Panewu membuka rapat.",
                },
            ),
        ),
    )

    assert missing_alternatives(page) == []


# --- through the real admin ----------------------------------------------------------------
IMAGE_BLOCK_ID = "6f1c2a8e-3b7d-4c1e-9a55-0d2f8b7e4c10"


def edit_data(page, body_alt: str, action: str | None = None) -> dict:
    image = page._test_image
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "date": "2025-03-01",
            "news_type": "kegiatan",
            "tags": "",
            "lead": page.lead,
            "body": streamfield(
                [
                    (
                        "image",
                        {
                            "image": {"image": image.pk, "alt_text": body_alt, "decorative": ""},
                            "caption": "",
                            "credit": "",
                        },
                    ),
                    ("paragraph", rich_text("<p>Isi berita.</p>")),
                ]
            ),
            "share_image": "",
            "share_image_alt": "",
            **{name: "" for name in ("what", "who", "when", "where", "why", "how")},
            "seo_title": "",
            "search_description": "",
        }
    )
    data["body-0-id"] = IMAGE_BLOCK_ID  # the editor gives every block a UUID
    if action:
        data[action] = "1"
    return data


@pytest.fixture
def draft(bantul):
    page = bantul.news("Kerja bakti di Bunder", publish=False, live=False)
    page._test_image = bantul.image("IMG_2024", "")
    return page


def post_edit(client, page, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)


def test_publishing_with_a_file_name_as_alt_text_is_refused_with_one_list(client, bantul, draft):
    client.force_login(bantul.user("admin"))
    host_client(client, bantul.hostname)

    response = post_edit(client, draft, edit_data(draft, "IMG_2024.jpg", "action-publish"))

    draft.refresh_from_db()
    html = response.content.decode()
    assert not draft.live
    assert html.count('class="accessibility-problems"') == 1
    assert "IMG_2024" in html
    assert f'href="/admin/pages/{draft.pk}/edit/#block-{IMAGE_BLOCK_ID}-section"' in html


def test_saving_a_draft_with_missing_alt_text_is_allowed(client, bantul, draft):
    client.force_login(bantul.user("penulis"))
    host_client(client, bantul.hostname)

    revisions_before = list(draft.revisions.values_list("pk", flat=True))

    response = post_edit(client, draft, edit_data(draft, ""))

    # Saved, not refused: Wagtail redirects back to the editor, without the problems list.
    editor = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert response.redirect_chain
    assert response.redirect_chain[-1][0] == editor
    assert 'class="accessibility-problems"' not in response.content.decode()
    draft.refresh_from_db()
    new_revisions = draft.revisions.exclude(pk__in=revisions_before)
    assert new_revisions.count() == 1
    saved = new_revisions.get()
    assert draft.latest_revision_id == saved.pk
    content = saved.as_object()
    image, paragraph = content.body.raw_data  # the block data as stored in the revision
    assert image["id"] == IMAGE_BLOCK_ID
    assert image["value"]["image"] == {
        "image": draft._test_image.pk,
        "alt_text": "",
        "decorative": False,
    }
    assert ">Isi berita.</p>" in paragraph["value"]
    assert [p.kind for p in missing_alternatives(content)] == ["image"]
    assert not draft.live
    assert draft.has_unpublished_changes
    assert not Page.objects.get(pk=draft.pk).live


def test_fixed_alt_text_publishes(client, bantul, draft):
    client.force_login(bantul.user("admin"))
    host_client(client, bantul.hostname)
    alt = "Warga membersihkan selokan di Padukuhan Bunder"

    post_edit(client, draft, edit_data(draft, alt, "action-publish"))

    draft.refresh_from_db()
    assert draft.live


def test_submitting_for_moderation_is_refused_until_fixed(client, bantul, draft):
    client.force_login(bantul.user("penulis"))
    host_client(client, bantul.hostname)

    refused = post_edit(client, draft, edit_data(draft, "foto", "action-submit"))
    assert "accessibility-problems" in refused.content.decode()
    assert draft.current_workflow_state is None

    post_edit(client, draft, edit_data(draft, "Warga membersihkan selokan", "action-submit"))
    assert Page.objects.get(pk=draft.pk).specific.current_workflow_state is not None


def test_scheduling_a_go_live_is_refused_too(client, bantul):
    """A future go-live is set by the publish action (here on a page type with a Settings tab)."""
    image = bantul.image("IMG_2024", "")
    page = StandardPage(title="Profil", slug="profil-uji", live=False)
    bantul.home.add_child(instance=page)
    client.force_login(bantul.user("admin"))
    host_client(client, bantul.hostname)
    data = nested_form_data(
        {
            "title": "Profil",
            "slug": "profil-uji",
            "intro": "",
            "seo_title": "",
            "search_description": "",
            "go_live_at": "2030-01-01 09:00",
            "expire_at": "",
            "body": streamfield(
                [
                    (
                        "image",
                        {
                            "image": {"image": image.pk, "alt_text": "IMG_2024", "decorative": ""},
                            "caption": "",
                            "credit": "",
                        },
                    )
                ]
            ),
            "action-publish": "1",
        }
    )

    response = post_edit(client, page, data)

    assert "accessibility-problems" in response.content.decode()
    assert not page.revisions.filter(approved_go_live_at__isnull=False).exists()
