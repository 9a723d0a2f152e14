"""The rehearsal channel *Uji coba*: connected with one click, fed by the same delivery as the
real platforms (exactly once, retries, link report), shown on the admin's rehearsal feed with
permalinks, labelled everywhere, never sending anything anywhere, and kept per institution."""

from __future__ import annotations

from io import StringIO
from urllib.parse import urlsplit

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Site

from social_publish.connect import connect_sandbox
from social_publish.delivery import deliver
from social_publish.models import Channel, LinkReport, SandboxPost, Syndication
from social_publish.providers import OutcomeUnknown, PermanentError, provider_for
from social_publish.providers.sandbox import SandboxProvider
from tests.institutions import Institution
from tests.social_support import run_jobs, time_travel
from tests.sop_helpers import act, as_user, create_with_sop, draft, latest, submit
from tests.worker import wait_until

LABEL = "Uji coba — tidak dikirim ke platform mana pun"
FEED = "/admin/social/sandbox/"

pytestmark = pytest.mark.django_db


def denied(response) -> bool:
    """Wagtail's admin answers PermissionDenied with 403 or a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def path_of(url: str) -> str:
    return urlsplit(url).path


def open_permalink(client, permalink: str):
    """Follow a post's permalink as a browser would: the redirect, then the feed page."""
    parts = urlsplit(permalink)
    response = client.get(parts.path, HTTP_HOST=parts.netloc)
    assert response.status_code == 302, response
    target = urlsplit(response["Location"])
    return target, client.get(f"{target.path}?{target.query}", HTTP_HOST=parts.netloc)


# -- connecting --------------------------------------------------------------------------


def test_the_institution_admin_connects_the_rehearsal_channel_with_one_click(client, bunder):
    admin = bunder.user("admin")
    as_user(client, admin)
    listing = client.get(reverse("social_publish_channels:index")).content.decode()
    connect_url = reverse("social_publish_channels:connect_sandbox")
    assert f'action="{connect_url}"' in listing
    assert "Hubungkan kanal Uji coba" in listing

    response = client.post(connect_url, {"site": bunder.site.pk}, follow=True)

    channel = Channel.objects.get(site=bunder.site)
    assert (channel.kind, channel.status, channel.connected_by) == ("sandbox", "active", admin)
    assert (channel.access_token, channel.refresh_token) == ("", "")  # no platform account
    page = response.content.decode()
    assert "Kanal Uji coba Kalurahan Bunder terhubung" in page
    assert LABEL in page  # the list's platform column
    assert "Hubungkan kanal Uji coba" not in page  # connected: the button is gone

    again = client.post(connect_url, {"site": bunder.site.pk}, follow=True)
    assert "Kalurahan Bunder sudah memiliki kanal Uji coba" in again.content.decode()
    assert Channel.objects.filter(site=bunder.site).count() == 1


def test_connect_sandbox_is_idempotent(bunder):
    first = connect_sandbox(bunder.site)
    Channel.objects.filter(pk=first.pk).update(status="disabled")  # an admin switched it off

    assert connect_sandbox(bunder.site) == first
    assert Channel.objects.filter(site=bunder.site).count() == 1
    assert Channel.objects.get(pk=first.pk).status == "disabled"  # left as the admin set it


def test_only_the_institution_s_own_admin_may_connect_it(client, bunder, bantul):
    connect_url = reverse("social_publish_channels:connect_sandbox")

    assert denied(as_user(client, bunder.user("penulis")).post(connect_url))
    assert denied(as_user(client, bantul.user("admin")).post(connect_url, {"site": bunder.site.pk}))
    assert not Channel.objects.filter(site=bunder.site).exists()


# -- delivery ----------------------------------------------------------------------------


def test_a_published_page_is_posted_once_and_the_link_report_lists_it(
    client, bunder, monkeypatch, django_capture_on_commit_callbacks
):
    connect_sandbox(bunder.site)
    monkeypatch.setenv("SOCIAL_SYNC", "1")

    def no_network(*args, **kwargs):
        raise AssertionError("the rehearsal channel opened a connection")

    monkeypatch.setattr(requests.Session, "request", no_network)
    with django_capture_on_commit_callbacks(execute=True):
        page = bunder.news(
            "Pasar murah di balai kalurahan",
            share_image=bunder.image(),
            share_image_alt="Warga antre di balai kalurahan",
        )

    (post,) = SandboxPost.objects.all()
    row = Syndication.objects.get(page_id=page.pk)
    assert (row.state, row.attempts) == ("sent", 1)
    assert (row.external_id, row.permalink) == (str(post.pk), post.permalink)
    assert post.permalink.startswith(f"{bunder.site.root_url}/admin/social/sandbox/posts/")
    assert post.message == row.message
    assert post.message.startswith("Pasar murah di balai kalurahan")
    assert page.get_full_url() in post.message
    assert post.image_alt == "Warga antre di balai kalurahan"
    assert [name[-4:] for name in post.media_names] == [".jpg"]  # the share rendition

    report = LinkReport.objects.get(page_id=page.pk)
    assert report.links[1:] == [{"channel": LABEL, "kind": "sandbox", "permalink": post.permalink}]
    assert report.links[0]["kind"] == "website"  # the website link comes first
    assert f"{LABEL}: {post.permalink}" in report.body
    assert report.sent_at is not None

    assert deliver(row.pk) == "skipped"  # a duplicate job finds the row ended
    page.save_revision().publish()  # re-publishing an edit shares nothing
    assert SandboxPost.objects.count() == 1


def test_a_retry_after_an_unknown_outcome_finds_the_first_post(bunder, monkeypatch):
    connect_sandbox(bunder.site)
    monkeypatch.setenv("SOCIAL_SYNC", "1")
    page = bunder.news("Rapat koordinasi posyandu")  # queued; its job is run below
    original = SandboxProvider.publish
    calls = []

    def publish_then_drop(self, post, checkpoint, save):
        calls.append(dict(checkpoint))
        result = original(self, post, checkpoint, save)
        if len(calls) == 1:  # stored, but the worker never heard back
            raise OutcomeUnknown("Koneksi terputus.", "test")
        return result

    monkeypatch.setattr(SandboxProvider, "publish", publish_then_drop)
    row = Syndication.objects.get(page_id=page.pk)
    assert deliver(row.pk) == "unknown"
    assert not LinkReport.objects.filter(page_id=page.pk).exists()  # not ended yet

    time_travel(row)
    (row,) = run_jobs(page)

    (post,) = SandboxPost.objects.all()
    assert calls[1]["sandbox_key"] == post.key  # the retry carried the first attempt's key
    assert (row.state, row.attempts, row.permalink) == ("sent", 2, post.permalink)
    (website, link) = LinkReport.objects.get(page_id=page.pk).links
    assert link["permalink"] == post.permalink


def test_the_adapter_refuses_any_http_call(bunder):
    provider = provider_for(connect_sandbox(bunder.site))

    assert provider.session is None
    with pytest.raises(PermanentError):
        provider.call("POST", "https://graph.facebook.com/v25.0/me/feed", write=True)


# -- the feed and its permalinks ---------------------------------------------------------


def test_the_permalink_opens_the_feed_page_showing_the_post(client, bunder):
    channel = connect_sandbox(bunder.site)
    page = bunder.news("Kerja bakti saluran irigasi")
    (row,) = run_jobs(page)
    post = SandboxPost.objects.get()
    newer = [
        SandboxPost.objects.create(
            channel=channel,
            key=f"k{n}",
            url=page.get_full_url(),
            title=f"Pengumuman nomor {n}",
            message=f"Pengumuman {n}",
        )
        for n in range(20)
    ]  # twenty newer posts push ours onto the feed's second page

    as_user(client, bunder.user("penulis"))  # any member of the institution reads the feed
    target, feed = open_permalink(client, row.permalink)

    assert (target.path, target.query, target.fragment) == (FEED, "p=2", post.anchor)
    html = feed.content.decode()
    assert feed.status_code == 200
    assert f'id="{post.anchor}"' in html
    assert escape(post.message.splitlines()[0]) in html
    assert f'href="{path_of(post.permalink)}"' in html  # on whatever host the admin is open
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html  # the page it came from
    assert LABEL in html
    first = client.get(FEED).content.decode()
    positions = [first.index(f'id="{p.anchor}"') for p in reversed(newer)]
    assert positions == sorted(positions)  # newest first
    assert f'id="{post.anchor}"' not in first


def test_the_composer_and_the_page_status_say_it_posts_nowhere(client, bunder):
    connect_sandbox(bunder.site)
    page = bunder.news("Lomba kebersihan padukuhan", publish=False)
    editor = bunder.user("admin")

    composer = as_user(client, editor).get(reverse("social_publish_messages", args=[page.pk]))
    html = composer.content.decode()
    assert f"Pesan di {LABEL}" in html
    assert "tidak dikirim ke platform mana pun. Pesan ini muncul di linimasa Uji coba" in html

    page.save_revision().publish()
    run_jobs(page)
    status = client.get(reverse("social_publish_syndications:page", args=[page.pk]))
    assert LABEL in status.content.decode()


# -- tenant isolation --------------------------------------------------------------------


def test_another_institution_sees_none_of_our_rehearsal_posts(client, bunder, bantul):
    connect_sandbox(bunder.site)
    connect_sandbox(bantul.site)
    page = bunder.news("Musyawarah kalurahan Bunder tentang anggaran")
    (row,) = run_jobs(page)
    ours = bantul.news("Berita Bantul sendiri")
    run_jobs(ours)

    for user in (bantul.user("admin"), bantul.user("penulis")):
        as_user(client, user)
        for url in (FEED, reverse("social_publish_sandbox:index_results")):
            html = client.get(url).content.decode()
            assert "Berita Bantul sendiri" in html
            assert page.title not in html
            assert "Kalurahan Bunder" not in html
            assert "bunder.localhost" not in html
        assert client.get(path_of(row.permalink)).status_code == 404

    outsider = get_user_model().objects.create_user("tanpa-instansi", password="x-uji-123")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    as_user(client, outsider)
    assert denied(client.get(FEED))
    assert client.get(path_of(row.permalink)).status_code == 404


# -- through an SOP, with a real worker --------------------------------------------------


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_bunder_s_sop_publishes_once_to_the_rehearsal_channel(client, social_env, request):
    bunder = create_with_sop("kalurahan_bunder")
    outsider = create_with_sop("kapanewon_bantul")
    request.getfixturevalue("qcluster")  # started after social_env: it inherits the media root
    admin, seksi, ketua = (bunder.user(key) for key in ("admin_medsos", "seksi", "ketua_ppid"))
    as_user(client, bunder.user("admin"))
    assert client.post(reverse("social_publish_channels:connect_sandbox")).status_code == 302
    page = draft(bunder, title="Posyandu balita Padukuhan Karang")

    submit(as_user(client, admin), page)
    act(as_user(client, seksi), page, "approve")
    act(as_user(client, ketua), page, "approve")
    # Facebook is chosen but not connected yet: the rehearsal channel stands in for it
    act(as_user(client, seksi), page, "approve", channels=["website", "facebook"])
    act(as_user(client, admin), page, "approve")

    assert latest(page).live
    sent = LinkReport.objects.filter(page_id=page.pk, sent_at__isnull=False)
    assert wait_until(sent.exists, timeout=90)
    (row,) = Syndication.objects.filter(page_id=page.pk)
    (post,) = SandboxPost.objects.filter(page_id=page.pk)
    assert (row.state, row.channel.kind, row.permalink) == ("sent", "sandbox", post.permalink)
    report = sent.get()
    assert [link["permalink"] for link in report.links][1:] == [post.permalink]
    assert f"{LABEL}: {post.permalink}" in report.body

    _, feed = open_permalink(as_user(client, seksi), post.permalink)
    assert f'id="{post.anchor}"' in feed.content.decode()
    assert page.title in feed.content.decode()
    as_user(client, outsider.user("panewu"))
    assert page.title not in client.get(FEED).content.decode()
    assert client.get(path_of(post.permalink)).status_code == 404


# -- the demo ----------------------------------------------------------------------------


def test_publishing_a_demo_item_produces_a_rehearsal_post_and_a_link_report(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    call_command("seed_demo", "--allow-without-debug", stdout=StringIO())
    sites = Site.objects.filter(hostname__endswith=".localhost")
    assert {c.site_id for c in Channel.objects.filter(kind="sandbox")} == {s.pk for s in sites}
    assert not SandboxPost.objects.exists()  # the seeded (past) news were not posted
    call_command("seed_demo", "--allow-without-debug", stdout=StringIO())
    assert Channel.objects.filter(kind="sandbox").count() == sites.count()

    monkeypatch.setenv("SOCIAL_SYNC", "1")
    bantul = Institution(sites.get(hostname="bantul.localhost"))
    users = get_user_model().objects
    manager, panewu = (
        users.get(username="bantul.pengelola_website"),
        users.get(username="bantul.panewu"),
    )
    page = draft(bantul, title="Sosialisasi layanan adminduk keliling")
    submit(as_user(client, manager), page)
    act(as_user(client, panewu), page, "approve")
    with django_capture_on_commit_callbacks(execute=True):
        act(as_user(client, manager), page, "approve")

    (post,) = SandboxPost.objects.filter(page_id=page.pk)
    assert post.permalink.startswith("http://bantul.localhost")
    report = LinkReport.objects.get(page_id=page.pk)
    assert report.links[1]["permalink"] == post.permalink
