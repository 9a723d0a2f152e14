"""A region offers a published article to the institutions below it; each adopts it as its own
draft (through its own SOP) or declines it. Through the admin's HTTP views, as people do."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from django.test import Client
from django.urls import reverse

from home.models import ArticleOffer, InstitutionSettings, NewsPage

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("wagtailadmin_home")


def under(child, parent) -> None:
    InstitutionSettings.objects.filter(site=child.site).update(parent=parent.site)


@pytest.fixture
def regions(make_institution):
    """Kabupaten Bantul above Kapanewon Bantul (above Kalurahan Trirenggo) and DPMK Bantul;
    Kabupaten Sleman above Kapanewon Depok."""
    made = {
        "kab": make_institution("kabbantul", name="Kabupaten Bantul", institution_type="kabupaten"),
        "kap": make_institution("kapbantul", name="Kapanewon Bantul", institution_type="kapanewon"),
        "trirenggo": make_institution("trirenggo", name="Kalurahan Trirenggo"),
        "dpmk": make_institution("dpmk", name="DPMK Kabupaten Bantul", institution_type="dinas"),
        "sleman": make_institution(
            "kabsleman", name="Kabupaten Sleman", institution_type="kabupaten"
        ),
        "depok": make_institution("depok", name="Kapanewon Depok", institution_type="kapanewon"),
    }
    under(made["kap"], made["kab"])
    under(made["trirenggo"], made["kap"])
    under(made["dpmk"], made["kab"])
    under(made["depok"], made["sleman"])
    return made


@pytest.fixture
def announcement(regions):
    """The kabupaten's published announcement, with a share image and an image in the body."""
    kab = regions["kab"]
    image = kab.image(title="Foto pengumuman", description="Balai kabupaten")
    return kab.news(
        "Pengumuman Jadwal Vaksinasi Kabupaten Bantul",
        share_image=image,
        share_image_alt="Balai kabupaten",
        what="Vaksinasi massal",
        body=[
            ("paragraph", f'<p>Lihat <a linktype="page" id="{kab.home.pk}">laman</a>.</p>'),
            ("image", {"image": image, "caption": "Balai", "credit": ""}),
        ],
    )


def signed_in(client, institution, role="penulis"):
    user = institution.user(role)
    client.force_login(user)
    client.defaults["HTTP_HOST"] = institution.hostname
    return user


def shown_messages(response) -> list[str]:
    html = response.content.decode()
    block = html.split('class="messages', 1)[-1].split("</ul>", 1)[0] if "messages" in html else ""
    return [
        html_lib.unescape(" ".join(re.sub(r"<[^>]+>", " ", m).split()))
        for m in re.findall(r"<li\b.*?</li>", block, re.S)
    ]


def offer(client, page):
    return client.post(reverse("regional:offer", args=[page.pk]), follow=True)


def adopt_url(offer_row, institution):
    return reverse("regional:adopt", args=[offer_row.pk, institution.site.pk])


def decline_url(offer_row, institution):
    return reverse("regional:decline", args=[offer_row.pk, institution.site.pk])


def test_the_region_offers_a_published_article_once(client, regions, announcement):
    signed_in(client, regions["kab"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[announcement.pk]))
    assert "Tawarkan ke instansi di bawah" in edit.content.decode()
    assert reverse("regional:offer", args=[announcement.pk]) in edit.content.decode()

    confirm = client.get(reverse("regional:offer", args=[announcement.pk])).content.decode()
    assert "Kapanewon Bantul" in confirm
    assert "Kalurahan Trirenggo" in confirm
    assert "DPMK Kabupaten Bantul" in confirm
    assert "Kapanewon Depok" not in confirm

    response = offer(client, announcement)
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailadmin_pages:edit", args=[announcement.pk]
    )
    assert (
        "'Pengumuman Jadwal Vaksinasi Kabupaten Bantul' ditawarkan kepada 3 instansi di bawah "
        "Kabupaten Bantul." in " ".join(shown_messages(response))
    )
    assert ArticleOffer.objects.filter(page=announcement, site=regions["kab"].site).count() == 1

    again = offer(client, announcement)
    assert "sudah ditawarkan kepada instansi di bawah" in " ".join(shown_messages(again))
    assert ArticleOffer.objects.count() == 1


def test_an_unpublished_article_or_one_without_institutions_below_is_refused(
    client, regions, announcement
):
    signed_in(client, regions["kab"])
    draft = regions["kab"].news("Draf pengumuman", publish=False)
    response = client.post(reverse("regional:offer", args=[draft.pk]), follow=True)
    assert "Hanya artikel yang sudah terbit yang dapat ditawarkan" in " ".join(
        shown_messages(response)
    )
    signed_in(client, regions["trirenggo"])
    village = regions["trirenggo"].news("Kabar Trirenggo")
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[village.pk])).content.decode()
    assert "Tawarkan ke instansi di bawah" not in edit
    response = client.post(reverse("regional:offer", args=[village.pk]), follow=True)
    assert "Kalurahan Trirenggo tidak membawahi instansi mana pun" in " ".join(
        shown_messages(response)
    )
    assert not ArticleOffer.objects.exists()


def test_only_the_institutions_below_see_the_offer_on_their_dashboard(
    client, regions, announcement
):
    signed_in(client, regions["kab"])
    offer(client, announcement)
    title = "Pengumuman Jadwal Vaksinasi Kabupaten Bantul"
    for key in ("kap", "trirenggo", "dpmk"):
        signed_in(client, regions[key])
        html = client.get(DASHBOARD).content.decode()
        assert "Artikel yang ditawarkan kepada" in html, key
        assert title in html, key
        assert "Ditawarkan oleh Kabupaten Bantul pada" in html, key
        assert ">Adopsi<" in html, key
        assert ">Tolak<" in html, key
    for key in ("kab", "sleman", "depok"):
        signed_in(client, regions[key])
        assert title not in client.get(DASHBOARD).content.decode(), key


def test_adopting_makes_a_draft_copy_in_the_own_news_that_names_the_source(
    client, regions, announcement
):
    signed_in(client, regions["kab"])
    offer(client, announcement)
    offer_row = ArticleOffer.objects.get()
    kap = regions["kap"]
    writer = signed_in(client, kap)

    response = client.post(adopt_url(offer_row, kap), follow=True)

    copy = NewsPage.objects.child_of(kap.news_index).get(title=announcement.title)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[copy.pk])
    assert (
        "'Pengumuman Jadwal Vaksinasi Kabupaten Bantul' dari Kabupaten Bantul diadopsi sebagai "
        "draf di berita Kapanewon Bantul." in " ".join(shown_messages(response))
    )
    assert not copy.live
    assert copy.owner == writer
    assert copy.what == "Vaksinasi massal"
    assert copy.source_institution == "Kabupaten Bantul"
    assert copy.source_url == announcement.get_full_url()
    assert copy.source_url.startswith("http://kabbantul.localhost/")
    # its images are copies in the kapanewon's own collection; links to the region's pages
    # keep only their text
    latest = copy.get_latest_revision_as_object()
    assert latest.share_image.collection == kap.collection
    assert latest.share_image.pk != announcement.share_image.pk
    image_block = next(block for block in latest.body if block.block_type == "image")
    assert image_block.value["image"].collection == kap.collection
    assert 'linktype="page"' not in latest.body.raw_data[0]["value"]
    history = client.get(reverse("wagtailadmin_pages:history", args=[copy.pk])).content.decode()
    assert "Diadopsi sebagai draf dari artikel yang ditawarkan instansi di atas" in history
    # not on the public site; its preview shows "Sumber: <link>"
    public = client.get(copy.relative_url(kap.site))
    assert public.status_code == 404
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[copy.pk])).content.decode()
    assert "Sumber:" in draft
    assert f'href="{copy.source_url}"' in draft
    # once its own SOP publishes it, the public page names the source too
    copy.get_latest_revision().publish()
    client.logout()
    page = client.get(copy.relative_url(kap.site)).content.decode()
    assert f'Sumber: <a href="{announcement.get_full_url()}">Kabupaten Bantul</a>' in page
    # the offer left the dashboard
    signed_in(client, kap)
    dashboard = client.get(DASHBOARD).content.decode()
    assert adopt_url(offer_row, kap) not in dashboard


def test_adopting_twice_is_refused_with_the_reason(client, regions, announcement):
    signed_in(client, regions["kab"])
    offer(client, announcement)
    offer_row = ArticleOffer.objects.get()
    kap = regions["kap"]
    signed_in(client, kap)
    client.post(adopt_url(offer_row, kap))

    signed_in(client, kap)  # a colleague, from an old dashboard tab
    again = client.post(adopt_url(offer_row, kap), follow=True)

    assert again.redirect_chain[-1][0] == DASHBOARD
    assert "sudah diadopsi oleh Kapanewon Bantul" in " ".join(shown_messages(again))
    assert NewsPage.objects.child_of(kap.news_index).filter(title=announcement.title).count() == 1


def test_declining_hides_the_offer_for_that_institution_only(client, regions, announcement):
    signed_in(client, regions["kab"])
    offer(client, announcement)
    offer_row = ArticleOffer.objects.get()
    dpmk = regions["dpmk"]
    signed_in(client, dpmk)

    response = client.post(decline_url(offer_row, dpmk), follow=True)

    assert response.redirect_chain[-1][0] == DASHBOARD
    assert (
        "'Pengumuman Jadwal Vaksinasi Kabupaten Bantul' dari Kabupaten Bantul ditolak untuk "
        "DPMK Kabupaten Bantul" in " ".join(shown_messages(response))
    )
    assert adopt_url(offer_row, dpmk) not in response.content.decode()
    assert not NewsPage.objects.child_of(dpmk.news_index).filter(title=announcement.title).exists()
    again = client.post(adopt_url(offer_row, dpmk), follow=True)
    assert "sudah ditolak untuk DPMK Kabupaten Bantul" in " ".join(shown_messages(again))
    signed_in(client, regions["kap"])
    assert adopt_url(offer_row, regions["kap"]) in client.get(DASHBOARD).content.decode()
    # the region sees what each institution below did with its offer
    signed_in(client, regions["kab"])
    status = client.get(reverse("regional:offer", args=[announcement.pk])).content.decode()
    rows = [
        " ".join(re.sub(r"<[^>]+>", " ", row).split())
        for row in re.findall(r"<tr>(.*?)</tr>", status.split("<tbody>", 1)[1], re.S)
    ]
    assert rows == [
        "DPMK Kabupaten Bantul Ditolak",
        "Kalurahan Trirenggo Belum menjawab",
        "Kapanewon Bantul Belum menjawab",
    ]


def test_other_institutions_get_404_and_change_nothing(client, regions, announcement):
    signed_in(client, regions["kab"])
    offer(client, announcement)
    offer_row = ArticleOffer.objects.get()
    depok = regions["depok"]
    signed_in(client, depok)
    pages = NewsPage.objects.count()

    assert client.post(adopt_url(offer_row, depok)).status_code == 404
    assert client.post(adopt_url(offer_row, regions["kap"])).status_code == 404
    assert client.post(decline_url(offer_row, regions["kap"])).status_code == 404
    assert client.get(reverse("regional:offer", args=[announcement.pk])).status_code == 404
    assert client.post(reverse("regional:offer", args=[announcement.pk])).status_code == 404
    # a writer below cannot offer the region's article either, nor answer for the region
    signed_in(client, regions["kap"])
    assert client.post(reverse("regional:offer", args=[announcement.pk])).status_code == 404
    assert client.post(adopt_url(offer_row, regions["kab"])).status_code == 404
    # the oversight role reads the roll-up; it writes no news and answers no offer
    signed_in(client, regions["kab"], role="pengawas")
    assert client.post(adopt_url(offer_row, regions["kap"])).status_code == 404
    assert NewsPage.objects.count() == pages
    assert not offer_row.answers.exists()


def test_the_dashboard_forms_carry_the_csrf_token(regions, announcement):
    client = Client(enforce_csrf_checks=True, HTTP_HOST=regions["kab"].hostname)
    client.force_login(regions["kab"].user("penulis"))
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"',
        client.get(reverse("regional:offer", args=[announcement.pk])).content.decode(),
    )[1]
    client.post(reverse("regional:offer", args=[announcement.pk]), {"csrfmiddlewaretoken": token})
    offer_row = ArticleOffer.objects.get()
    kap = regions["kap"]
    client = Client(enforce_csrf_checks=True, HTTP_HOST=kap.hostname)
    client.force_login(kap.user("penulis"))
    dashboard = client.get(DASHBOARD).content.decode()
    action = adopt_url(offer_row, kap)
    form = re.search(rf'<form method="post" action="{action}">(.*?)</form>', dashboard, re.S)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form[1])[1]

    response = client.post(adopt_url(offer_row, kap), {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert NewsPage.objects.child_of(kap.news_index).filter(title=announcement.title).exists()


def test_the_editors_below_are_e_mailed_once_and_no_one_of_another_region(
    client, regions, announcement, monkeypatch, django_capture_on_commit_callbacks
):
    from django.core import mail

    monkeypatch.setattr("django_q.conf.Conf.SYNC", True)
    below = {key: regions[key].user("penulis") for key in ("kap", "trirenggo", "dpmk")}
    elsewhere = regions["depok"].user("penulis")
    signed_in(client, regions["kab"])

    with django_capture_on_commit_callbacks(execute=True):
        offer(client, announcement)

    offered = [m for m in mail.outbox if m.subject.startswith("Artikel ditawarkan")]
    for editor in below.values():
        (to_editor,) = [m for m in offered if editor.email in m.to]
        assert to_editor.subject == (
            "Artikel ditawarkan: Pengumuman Jadwal Vaksinasi Kabupaten Bantul"
        )
        assert "Kabupaten Bantul menawarkan artikel “Pengumuman Jadwal Vaksinasi" in to_editor.body
        assert "Adopsi di dasbor Anda" in to_editor.body
        assert "http://testserver/admin/" in to_editor.body
    assert not [m for m in offered if elsewhere.email in m.to]
    assert len(offered) == 3  # one e-mail per institution below
