"""The caching proxy: which URLs Wagtail purges (a fake proxy records them), and the real Varnish
with the shipped configuration in front of the live server."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from accessibility.models import AudioVersion
from accessibility.tasks import generate_audio
from home.models import InstitutionSettings, NewsPage, StandardPage
from tests.tooling import require_tool

VCL = Path(__file__).resolve().parents[1] / "deploy" / "varnish" / "default.vcl"


class PurgeRecorder(BaseHTTPRequestHandler):
    """Answers PURGE like Varnish and remembers (Host, path) of each."""

    def do_PURGE(self) -> None:  # noqa: N802 - the HTTP method's name
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def fake_proxy(settings):
    """A local HTTP server standing in for Varnish, configured as the frontend cache."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "home.purge_backend.BoundedHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield server.purged
    server.shutdown()
    server.server_close()


def path_of(page) -> str:
    """The page's path on its own site."""
    return page.get_url_parts()[2]


def paths_on(purged: list[tuple[str, str]], host: str) -> set[str]:
    return {path for purged_host, path in purged if purged_host == host}


@pytest.mark.django_db
def test_publishing_purges_every_url_that_shows_the_article(
    fake_proxy, bantul, bunder, django_capture_on_commit_callbacks
):
    ppid = bantul.news("Rapat koordinasi PPID", date=timezone.localdate() - timedelta(days=30))
    ppid.tags.add("ppid")
    ppid.save_revision().publish()
    roads = [bantul.news(f"Perbaikan jalan {n}") for n in range(3)]
    for road in roads:
        road.tags.add("jalan")
        road.save_revision().publish()
    bunder.news("Berita kalurahan lain")
    page = bantul.news("Keterbukaan informasi publik", publish=False)
    page.tags.add("ppid")
    fake_proxy.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    purged = paths_on(fake_proxy, bantul.hostname)
    assert {
        path_of(page),
        "/",
        "/feed/",
        "/sitemap.xml",
        "/berita/",
        "/berita/?halaman=1",
    } <= purged
    assert path_of(ppid) in purged  # its related-news block now lists the new article
    assert not {path_of(road) for road in roads} & purged  # theirs list the other road works
    assert paths_on(fake_proxy, bunder.hostname) == set()
    assert {host for host, _ in fake_proxy} == {bantul.hostname, "localhost"}
    assert paths_on(fake_proxy, "localhost") == {"/", "/?halaman=1"}  # the portal's latest news


@pytest.mark.django_db
def test_every_pagination_page_of_the_index_is_purged(
    fake_proxy, bantul, django_capture_on_commit_callbacks
):
    for number in range(21):
        bantul.news(f"Kabar ke-{number}")
    fake_proxy.clear()

    with django_capture_on_commit_callbacks(execute=True):
        bantul.news("Kabar ke-21")

    purged = paths_on(fake_proxy, bantul.hostname)
    assert {f"/berita/?halaman={number}" for number in (1, 2, 3)} <= purged


@pytest.mark.django_db
def test_unpublishing_purges_the_article_and_the_lists_that_showed_it(
    fake_proxy, bantul, django_capture_on_commit_callbacks
):
    first = bantul.news("Sosialisasi pajak")
    first.tags.add("pajak")
    first.save_revision().publish()
    second = bantul.news("Pajak bumi dan bangunan")
    second.tags.add("pajak")
    second.save_revision().publish()
    fake_proxy.clear()

    with django_capture_on_commit_callbacks(execute=True):
        second.unpublish()

    purged = paths_on(fake_proxy, bantul.hostname)
    assert {path_of(second), path_of(first), "/", "/feed/", "/berita/", "/sitemap.xml"} <= purged


@pytest.mark.django_db
def test_deleting_a_live_article_purges_it_and_its_lists(
    fake_proxy, bantul, django_capture_on_commit_callbacks
):
    news = bantul.news("Berita yang dihapus")
    url = path_of(news)
    fake_proxy.clear()

    with django_capture_on_commit_callbacks(execute=True):
        NewsPage.objects.get(pk=news.pk).delete()

    assert {url, "/", "/feed/", "/berita/", "/sitemap.xml"} <= paths_on(fake_proxy, bantul.hostname)


@pytest.mark.django_db
def test_moving_a_page_purges_its_old_and_new_urls_and_every_menu(
    fake_proxy, bantul, django_capture_on_commit_callbacks
):
    news = bantul.news("Kabar lama")
    page = StandardPage(title="Layanan", slug="layanan", live=True)
    bantul.home.add_child(instance=page)
    page.save_revision().publish()
    profile = StandardPage.objects.child_of(bantul.home).exclude(pk=page.pk).first()
    fake_proxy.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.move(profile, pos="last-child")

    purged = paths_on(fake_proxy, bantul.hostname)
    assert {"/layanan/", f"{path_of(profile)}layanan/", path_of(profile)} <= purged
    assert path_of(news) in purged  # the page left the main menu that every page shows


@pytest.mark.django_db
def test_publishing_the_home_page_purges_it_feed_and_sitemap_only(
    fake_proxy, bantul, django_capture_on_commit_callbacks
):
    news = bantul.news("Kabar yang tidak berubah")
    fake_proxy.clear()

    with django_capture_on_commit_callbacks(execute=True):
        bantul.home.save_revision().publish()

    purged = paths_on(fake_proxy, bantul.hostname)
    assert purged == {"/", "/feed/", "/sitemap.xml"}
    assert path_of(news) not in purged


@pytest.mark.django_db
def test_scheduled_go_live_purges(fake_proxy, bantul, django_capture_on_commit_callbacks):
    page = bantul.news("Agenda musyawarah", publish=False)
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision()
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()  # scheduled: nothing public changed yet
    assert fake_proxy == []
    # The hour has passed (what publish_scheduled finds when it runs every minute).
    revision.refresh_from_db()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = revision.approved_go_live_at.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])

    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")

    page.refresh_from_db()
    assert page.live
    assert {path_of(page), "/", "/berita/"} <= paths_on(fake_proxy, bantul.hostname)


@pytest.mark.django_db
def test_changing_the_profile_purges_every_page_of_that_institution_only(
    fake_proxy, bantul, bunder, django_capture_on_commit_callbacks
):
    news = bantul.news("Kerja bakti")
    bunder.news("Berita kalurahan lain")
    fake_proxy.clear()
    profile = InstitutionSettings.for_site(bantul.site)
    profile.brand_colour = "#14532D"

    with django_capture_on_commit_callbacks(execute=True):
        profile.save()

    assert {path_of(news), "/", "/berita/", "/feed/", "/sitemap.xml"} <= paths_on(
        fake_proxy, bantul.hostname
    )
    assert {host for host, _ in fake_proxy} == {bantul.hostname, "localhost"}  # + the portal


@pytest.mark.django_db
def test_a_new_audio_version_purges_the_article_that_offers_it(
    fake_proxy, bantul, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    news = bantul.news("Posyandu balita")
    fake_proxy.clear()

    with django_capture_on_commit_callbacks(execute=True):
        outcome = generate_audio(news.pk)

    assert AudioVersion.objects.filter(page=news).exists(), outcome
    assert path_of(news) in paths_on(fake_proxy, bantul.hostname)


class Blackhole:
    """A port that accepts connections and never answers: a hung proxy."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(64)
        self.port = self.socket.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self) -> None:
        self.socket.close()
        for connection in self.accepted:
            connection.close()


@pytest.mark.django_db
def test_a_hung_proxy_costs_one_timeout_and_says_what_was_not_purged(
    bantul, settings, caplog, django_capture_on_commit_callbacks
):
    for number in range(3):
        bantul.news(f"Kabar ke-{number}")
    hole = Blackhole()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "home.purge_backend.BoundedHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{hole.port}",
            "TIMEOUT": 0.3,
        }
    }
    try:
        with django_capture_on_commit_callbacks(execute=True):
            page = bantul.news("Kabar terbaru")
        page.refresh_from_db()
        assert page.live  # publishing went through
        # one PURGE tried per host (the institution's, the portal's), not one per URL
        assert len(hole.accepted) == 2
    finally:
        hole.close()
    warning = next(r for r in caplog.records if "unreachable" in r.getMessage())
    assert re.search(r"(\d+) of \1 URLs not purged", warning.getMessage())


# --- The real Varnish in front of the live server -------------------------------------------


def varnishd_binary() -> str:
    """varnishd lives in /usr/sbin, which is not on every user's PATH."""
    found = shutil.which("varnishd", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
    return found or require_tool("varnishd", "varnish")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"varnishd exited: {process.stderr.read().decode()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"varnishd did not listen on {port} within {seconds} s")


def start_varnish(backend_port: int) -> tuple[subprocess.Popen, int, str]:
    """Run varnishd in the foreground with the shipped VCL pointed at ``backend_port``."""
    binary = varnishd_binary()
    workdir = tempfile.mkdtemp(prefix="varnish-test-")
    os.chmod(workdir, 0o755)  # varnishd's unprivileged users read the VCL and work there
    vcl = Path(workdir) / "default.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";'))
    vcl.chmod(0o644)
    port = free_port()
    process = subprocess.Popen(
        [binary, "-F", "-n", str(Path(workdir) / "n"), "-a", f"127.0.0.1:{port}",
         "-f", str(vcl), "-s", "malloc,32m", "-T", "none"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        wait_for_port(port, process)
    except Exception:
        stop_varnish(process, workdir)
        raise
    return process, port, workdir


def stop_varnish(process: subprocess.Popen, workdir: str) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
    process.stderr.close()
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def varnish(live_server, settings):
    """Varnish with deploy/varnish/default.vcl before the live server, purged by Wagtail."""
    backend_port = int(live_server.url.rsplit(":", 1)[1])
    process, port, workdir = start_varnish(backend_port)
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }
    yield port
    stop_varnish(process, workdir)


def fetch(port: int, host: str, path: str, cookie: str = "") -> tuple[str, str, str]:
    """GET through the proxy: (X-Cache, Cache-Control, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": f"{host}:{port}"}
    if cookie:
        headers["Cookie"] = cookie
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read().decode()
        assert response.status == 200, (path, response.status)
        return response.getheader("X-Cache"), response.getheader("Cache-Control", ""), body
    finally:
        connection.close()


def fetch_until(port: int, host: str, path: str, text: str, seconds: float = 1.0) -> bool:
    """Whether ``text`` appears in the proxy's answer within ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        if text in fetch(port, host, path)[2]:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
def test_varnish_serves_unchanged_pages_from_cache_and_new_versions_after_publish(
    varnish, make_institution
):
    bantul = make_institution("bantul", name="Kapanewon Bantul", institution_type="kapanewon")
    news = bantul.news("Pasar murah Kapanewon")
    host = bantul.hostname

    first = fetch(varnish, host, path_of(news))
    second = fetch(varnish, host, path_of(news))
    assert (first[0], second[0]) == ("MISS", "HIT")
    assert second[2] == first[2]
    assert "Pasar murah Kapanewon" in second[2]
    fetch(varnish, host, path_of(bantul.news_index))
    assert fetch(varnish, host, path_of(bantul.news_index))[0] == "HIT"

    operator = get_user_model().objects.create_superuser("operator", "op@example.go.id", "x")
    news = NewsPage.objects.get(pk=news.pk)
    news.title = "Pasar murah Kapanewon diperpanjang"
    news.save_revision(user=operator).publish(user=operator)

    assert fetch_until(varnish, host, path_of(news), "Pasar murah Kapanewon diperpanjang")
    assert fetch_until(
        varnish, host, path_of(bantul.news_index), "Pasar murah Kapanewon diperpanjang"
    )
    assert fetch(varnish, host, path_of(news))[0] == "HIT"  # cached again, new version


@pytest.mark.django_db(transaction=True)
def test_varnish_never_caches_for_a_logged_in_editor(varnish, make_institution):
    bantul = make_institution("bantul", name="Kapanewon Bantul", institution_type="kapanewon")
    news = bantul.news("Lomba desa")
    host = bantul.hostname
    editor = Client()
    editor.force_login(bantul.user("penulis"))
    cookie = f"sessionid={editor.cookies['sessionid'].value}; csrftoken=abc"
    fetch(varnish, host, path_of(news))
    assert fetch(varnish, host, path_of(news))[0] == "HIT"
    # A change that sends no signal: the anonymous copy stays, the editor sees the database.
    NewsPage.objects.filter(pk=news.pk).update(title="Lomba desa tingkat kabupaten")

    answers = [fetch(varnish, host, path_of(news), cookie) for _ in range(2)]

    assert [answer[0] for answer in answers] == ["MISS", "MISS"]
    assert all("Lomba desa tingkat kabupaten" in answer[2] for answer in answers)
    assert all("no-store" in answer[1] for answer in answers)
    assert "Lomba desa tingkat kabupaten" not in fetch(varnish, host, path_of(news))[2]


@pytest.mark.django_db(transaction=True)
def test_varnish_passes_search_and_admin(varnish, make_institution):
    bantul = make_institution("bantul", name="Kapanewon Bantul", institution_type="kapanewon")
    bantul.news("Vaksinasi anak")
    host = bantul.hostname

    searches = [fetch(varnish, host, "/cari/?q=vaksinasi") for _ in range(2)]
    logins = [fetch(varnish, host, "/admin/login/") for _ in range(2)]

    assert [answer[0] for answer in searches + logins] == ["MISS"] * 4
    assert "Vaksinasi anak" in searches[1][2]
