"""Private files are served only by the views that check them (issue 10, *Files*).

Documents go through Wagtail's serve view (collection privacy); audio and braille versions
through ``/alternatif/…`` (the page live, on its own site, readable by this reader). Their media
URLs answer 404 in ``make run`` (``DEBUG`` media serving) and in the shipped Varnish VCL.
"""

from __future__ import annotations

import http.client
import http.server
import importlib
import threading

import pytest
from django.core.files.base import ContentFile
from django.urls import clear_url_caches, reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from accessibility.models import AudioVersion, BrailleVersion
from tests.institutions import host_client

pytestmark = pytest.mark.django_db

SECRET_BYTES = b"Daftar penerima bantuan: NIK 3402..."


@pytest.fixture
def dev_urls(settings):
    """The URLconf as ``make run`` builds it (``DEBUG = True``: media served by Django)."""
    import cms.urls

    settings.DEBUG = True
    importlib.reload(cms.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(cms.urls)
    clear_url_caches()


def private_document(institution):
    """A document in a password-protected child collection of the institution's collection."""
    private = institution.collection.add_child(instance=Collection(name="Arsip rahasia"))
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type="password", password="sandi-arsip"
    )
    doc = get_document_model()(title="Data penerima", collection=private)
    doc.file.save("penerima.csv", ContentFile(SECRET_BYTES))
    return doc


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def test_a_private_document_is_not_served_by_its_media_url_in_make_run(client, bantul, dev_urls):
    doc = private_document(bantul)
    image = bantul.image()

    assert client.get(f"/media/{doc.file.name}").status_code == 404
    assert client.get(f"/media//{doc.file.name}").status_code == 404
    assert client.get(f"/media/original_images/../{doc.file.name}").status_code == 404
    assert body(client.get(f"/media/{image.file.name}")).startswith(b"\x89PNG")  # images still


def test_the_serve_view_asks_for_the_collection_password_then_downloads(client, bantul):
    doc = private_document(bantul)
    url = reverse("wagtaildocs_serve", args=[doc.pk, doc.filename])

    asked = client.get(url)
    restriction = CollectionViewRestriction.objects.get(collection=doc.collection)
    client.post(
        reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk]),
        {"password": "sandi-arsip", "return_url": url},
    )
    downloaded = client.get(url)

    assert asked.status_code == 200
    assert 'name="password"' in asked.content.decode()
    assert SECRET_BYTES not in body(asked)
    assert downloaded.status_code == 200
    assert body(downloaded) == SECRET_BYTES


def test_documents_in_a_bucket_are_streamed_by_the_view_not_redirected_to_it(
    client, bantul, s3_storage
):
    """Wagtail's default with a remote storage is a redirect to the (public) bucket URL."""
    doc = get_document_model()(title="Laporan", collection=bantul.collection)
    doc.file.save("laporan.txt", ContentFile(b"isi laporan"))

    response = client.get(reverse("wagtaildocs_serve", args=[doc.pk, doc.filename]))

    assert response.status_code == 200
    assert body(response) == b"isi laporan"


def versions(page):
    audio = AudioVersion(page=page, text_hash="a" * 64, duration_seconds=3.0)
    audio.file.save("x.mp3", ContentFile(b"ID3 suara"), save=True)
    braille = BrailleVersion(page=page, text_hash="a" * 64, braille_pages=1)
    braille.file.save("x.brf", ContentFile(b"BRAILLE ,BERITA"), save=True)
    return audio, braille


def test_audio_and_braille_of_a_live_public_page_are_downloaded_from_their_view(client, bantul):
    page = bantul.news("Kerja bakti")
    audio, braille = versions(page)
    host_client(client, bantul.hostname)

    heard = client.get(audio.public_url())
    embossed = client.get(braille.public_url())

    assert audio.public_url().startswith(f"/alternatif/{page.pk}/audio/")
    assert (heard.status_code, body(heard)) == (200, b"ID3 suara")
    assert heard["Content-Type"] == "audio/mpeg"
    assert body(embossed) == b"BRAILLE ,BERITA"
    assert embossed["Content-Disposition"].startswith("attachment")
    assert "private" in heard["Cache-Control"]


def test_versions_of_a_private_unpublished_or_foreign_page_are_not_served(
    client, bantul, bunder, dev_urls
):
    private = bantul.news("Rapat internal")
    audio, braille = versions(private)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    gone = bantul.news("Berita ditarik")
    gone_audio, _braille = versions(gone)
    gone.unpublish()
    shown = bantul.news("Berita umum")
    shown_audio, _braille = versions(shown)
    host_client(client, bantul.hostname)

    assert client.get(audio.public_url()).status_code == 404
    assert client.get(braille.public_url()).status_code == 404
    assert client.get(gone_audio.public_url()).status_code == 404
    assert client.get(f"/media/{shown_audio.file.name}").status_code == 404  # no media URL
    assert client.get(shown_audio.public_url(), HTTP_HOST=bunder.hostname).status_code == 404
    client.force_login(bantul.user("penulis"))
    assert body(client.get(audio.public_url())) == b"ID3 suara"  # signed in: may read it


class _MediaBackend(http.server.BaseHTTPRequestHandler):
    """A backend that would serve any file: whatever is refused, Varnish refused."""

    def do_GET(self) -> None:  # noqa: N802 - the HTTP method's name
        payload = b"file content"
        self.send_response(200)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args) -> None:
        pass


def test_the_shipped_varnish_config_refuses_private_media_urls():
    from tests.test_proxy_cache import start_varnish, stop_varnish

    backend = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _MediaBackend)
    threading.Thread(target=backend.serve_forever, daemon=True).start()
    process, port, workdir = start_varnish(backend.server_address[1])
    try:

        def status(path: str) -> int:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", path, headers={"Host": "bantul.localhost"})
            code = connection.getresponse().status
            connection.close()
            return code

        refused = [
            "/media/documents/penerima.csv",
            "/media//documents/penerima.csv",
            "/MEDIA/Documents/penerima.csv",
            "/media/documents%2Fpenerima.csv",
            "/media/accessibility/audio/7/abc.mp3",
        ]
        assert [status(p) for p in refused] == [404] * len(refused)
        assert status("/media/original_images/foto.png") == 200
    finally:
        stop_varnish(process, workdir)
        backend.shutdown()
