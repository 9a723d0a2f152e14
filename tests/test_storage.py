"""Media in an S3-compatible bucket (moto's server on loopback): nothing reads a local path.

Every test here stores through django-storages' S3 backend configured from the ``S3_*``
environment variables, with ``MEDIA_ROOT`` pointing under a plain file so that any code path
still writing or reading the local disk fails.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest
import requests
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from wagtail.images import get_image_model

from accessibility.models import AudioVersion, BrailleVersion
from accessibility.tasks import generate_audio, generate_braille
from home.storage import local_copy, name_from_url
from social_publish.posts import build_post
from sop_workflow.records import pdf
from tests.institutions import host_client, png_bytes
from tests.signin import authenticator, totp_code
from tests.social_support import document, run_jobs, youtube_channel
from tests.sop_helpers import edit_data
from tests.tooling import require_library, require_tool
from tests.worker import started, wait_until, web_server

ROOT = Path(__file__).resolve().parents[1]

PROBE = (
    "import json, django; django.setup()\n"
    "from django.core.files.storage import storages\n"
    "s = storages['default']\n"
    "print(json.dumps({'backend': type(s).__name__, 'url': s.url('audio/7/a b.mp3')}))"
)


def storage_of_a_new_process(**env: str) -> dict:
    """The default storage a production process started with ``env`` uses, and one file's URL."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("S3_")}
    settings = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 50,
        "SOCIAL_TOKEN_KEYS": "ZGV2ZWxvcG1lbnQtb25seS1ub3QtYS1zZWNyZXQtISE=",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={**clean, **settings, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_media_stay_on_the_local_disk_unless_a_bucket_is_configured():
    assert storage_of_a_new_process() == {
        "backend": "FileSystemStorage",
        "url": "/media/audio/7/a%20b.mp3",
    }


def test_the_bucket_and_its_address_come_from_the_environment():
    bucket = {
        "S3_BUCKET": "media-bantul",
        "S3_ENDPOINT_URL": "http://127.0.0.1:9",
        "S3_ACCESS_KEY_ID": "key",
        "S3_SECRET_ACCESS_KEY": "secret",
        "S3_REGION": "us-east-1",
    }

    assert storage_of_a_new_process(**bucket) == {
        "backend": "S3Storage",
        "url": "http://127.0.0.1:9/media-bantul/audio/7/a%20b.mp3",
    }
    assert storage_of_a_new_process(**bucket, S3_CUSTOM_DOMAIN="media.bantulkab.go.id") == {
        "backend": "S3Storage",
        "url": "https://media.bantulkab.go.id/audio/7/a%20b.mp3",
    }


@pytest.mark.django_db
def test_an_uploaded_image_and_its_renditions_are_served_from_the_bucket(
    s3_storage, bantul, client
):
    client.force_login(bantul.user())
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Kerja bakti",
            "description": "Warga membersihkan saluran",
            "collection": bantul.collection.pk,
            "file": SimpleUploadedFile("kerja-bakti.png", png_bytes(), content_type="image/png"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get()
    page = bantul.news("Kerja bakti warga", share_image=image, share_image_alt="Warga bekerja")

    html = host_client(client, bantul.hostname).get(page.url).content.decode()

    soup = BeautifulSoup(html, "html.parser")
    rendition_urls = [img["src"] for img in soup.find_all("img")]
    assert rendition_urls
    share = soup.find("meta", property="og:image")["content"]
    assert share.startswith(f"{s3_storage.env['S3_ENDPOINT_URL']}/{s3_storage.name}/images/")
    assert soup.find("meta", attrs={"name": "twitter:image"})["content"] == share
    assert all(url.startswith(f"{s3_storage.env['S3_ENDPOINT_URL']}/") for url in rendition_urls)
    downloaded = requests.get(rendition_urls[0], timeout=10)
    assert downloaded.status_code == 200
    assert downloaded.content[:4] in {b"\x89PNG", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xdb"}
    keys = s3_storage.keys()
    assert image.file.name in keys
    assert any(key.startswith("images/") for key in keys)  # the renditions


def is_mp3(data: bytes) -> bool:
    """An ID3 tag or an MPEG audio frame's sync bits at the start."""
    return data[:3] == b"ID3" or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0)


@pytest.mark.django_db
def test_braille_and_audio_jobs_write_to_the_bucket_and_replace_old_files(
    s3_storage, bunder, django_capture_on_commit_callbacks
):
    require_library("liblouis.so.20", "liblouis20")
    require_tool("espeak-ng", "espeak-ng")
    require_tool("lame", "lame")
    page = bunder.news("Musyawarah warga", lead="Warga Bunder bermusyawarah di balai.")

    with django_capture_on_commit_callbacks(execute=True):
        audio_name = generate_audio(page.pk)
        braille_name = generate_braille(page.pk)

    assert s3_storage.keys() == sorted([audio_name, braille_name])
    audio = AudioVersion.objects.get(page=page)
    assert is_mp3(s3_storage.content(audio_name))
    assert len(s3_storage.content(audio_name)) == audio.size_bytes
    braille = BrailleVersion.objects.get(page=page)
    assert len(s3_storage.content(braille_name)) == braille.size_bytes

    page.title = "Musyawarah warga Bunder"
    with transaction.atomic():
        page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        new_audio = generate_audio(page.pk)

    assert new_audio != audio_name
    assert s3_storage.keys() == sorted([new_audio, braille_name])  # the old audio is deleted


@pytest.mark.django_db
@pytest.mark.usefixtures("social_env")
def test_a_video_in_the_bucket_is_uploaded_to_youtube_in_chunks(s3_storage, bunder, fake_google):
    youtube_channel(bunder, fake_google)
    data = os.urandom(600_000)
    video = document(bunder, "kerja-bakti.mp4", data)
    vtt = b"WEBVTT\n\n00:00.000 --> 00:02.000\nHalo\n"
    captions = document(bunder, "kerja-bakti.vtt", vtt)
    body = [("video", {"file": video, "embed": None, "captions": captions, "transcript": ""})]
    fake_google.drop_after_bytes(100_000, path=r"/upload/youtube/v3/videos", method="PUT")

    page = bunder.news(body=body)
    rows = run_jobs(page)

    assert s3_storage.keys().count(video.file.name) == 1
    assert rows[0].state == "sent"
    assert fake_google.videos[0]["content"] == data
    assert fake_google.captions
    post = build_post(page)
    assert post.video.stored.name == video.file.name
    assert post.video.size == len(data)


@pytest.mark.django_db
def test_pdfs_embed_images_from_the_bucket_and_nothing_else(s3_storage, monkeypatch):
    name = default_storage.save("logo/logo.png", ContentFile(png_bytes(120, 120)))
    url = default_storage.url(name)
    looked_up = []
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        looked_up.append(host)
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    content = pdf.html_to_pdf(
        f'<img src="{url}" alt="Logo">'
        f'<img src="{s3_storage.env["S3_ENDPOINT_URL"]}/other-bucket/x.png" alt="x">'
        '<img src="https://example.com/tracker.png" alt="y">'
    )

    assert content.startswith(b"%PDF-")
    assert content.count(b"/Subtype /Image") == 1
    assert set(looked_up) <= {"127.0.0.1"}  # the bucket only: example.com is never fetched
    assert pdf.media_name(url) == "logo/logo.png"
    assert pdf.media_name("/media/logo/logo.png") is None  # not the bucket's address


def test_stored_names_are_found_only_under_the_storages_own_address(settings):
    settings.MEDIA_URL = "/media/"
    base = "http://pdf.invalid/"

    assert name_from_url("/media/a/b%20c.png", base) == "a/b c.png"
    assert name_from_url("http://pdf.invalid/media/a.png", base) == "a.png"
    assert name_from_url("http://elsewhere.invalid/media/a.png", base) is None
    assert name_from_url("/media/../secret.png", base) is None
    assert name_from_url("/static/a.png", base) is None


@pytest.mark.django_db
def test_a_local_copy_of_a_stored_file_exists_only_inside_the_block(s3_storage, bunder):
    stored = document(bunder, "rekaman.mp3", b"ID3 rekaman rapat")

    with local_copy(stored.file) as path:
        assert path.suffix == ".mp3"
        assert path.read_bytes() == b"ID3 rekaman rapat"

    assert not path.exists()


# -- one deployment on several machines -------------------------------------------------------


def log_in(base: str, hostname: str, user, password: str) -> requests.Session:
    """A browser-like session logged into the admin of ``base`` (CSRF token and cookie), past
    the second factor with the user's authenticator when the role requires one."""
    device = authenticator(user)
    username = user.username
    session = requests.Session()
    session.headers["Host"] = hostname
    form = session.get(f"{base}/admin/login/", timeout=10)
    token = BeautifulSoup(form.text, "html.parser").find("input", {"name": "csrfmiddlewaretoken"})[
        "value"
    ]
    answer = session.post(
        f"{base}/admin/login/",
        {"username": username, "password": password, "csrfmiddlewaretoken": token},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 302, answer.text[:2000]
    admin = session.get(f"{base}/admin/", allow_redirects=False, timeout=10)
    if admin.headers.get("Location", "").startswith(reverse("security_verify")):  # 2nd factor
        page = session.get(f"{base}{admin.headers['Location']}", timeout=10)
        token = BeautifulSoup(page.text, "html.parser").find(
            "input", {"name": "csrfmiddlewaretoken"}
        )["value"]
        verified = session.post(
            f"{base}{reverse('security_verify')}",
            {"code": totp_code(device), "csrfmiddlewaretoken": token},
            allow_redirects=False,
            timeout=10,
        )
        assert verified.status_code == 302, verified.text[:2000]
    session.headers["X-CSRFToken"] = session.cookies["csrftoken"]
    return session


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_publish_on_one_web_process_audio_by_a_worker_elsewhere_download_from_a_third(
    make_institution, s3_storage, tmp_path
):
    require_tool("espeak-ng", "espeak-ng")
    require_tool("lame", "lame")
    bunder = make_institution("bunder", name="Kalurahan Bunder")
    editor = bunder.user("admin")
    page = bunder.news(
        "Musyawarah warga Bunder",
        publish=False,
        live=False,
        lead="Warga Kalurahan Bunder bermusyawarah di balai kalurahan.",
    )
    logs = tmp_path / "logs"
    logs.mkdir()
    machines = {name: tmp_path / name for name in ("web-a", "worker", "web-b")}

    with ExitStack() as stack:
        publisher = web_server("web-a", machines["web-a"], logs, stack)
        stack.enter_context(started("worker", ["qcluster"], machines["worker"], logs))
        reader = web_server("web-b", machines["web-b"], logs, stack)

        session = log_in(publisher, bunder.hostname, editor, "rahasia-uji-123")
        published = session.post(
            f"{publisher}{reverse('wagtailadmin_pages:edit', args=[page.pk])}",
            {**edit_data(page), "action-publish": "1"},
            allow_redirects=False,
            timeout=60,
        )
        assert published.status_code == 302, published.text[:3000]
        assert wait_until(lambda: AudioVersion.objects.filter(page=page).exists(), timeout=180)

        path = page.get_url_parts()[2]
        html = requests.get(f"{reader}{path}", headers={"Host": bunder.hostname}, timeout=30)
        link = BeautifulSoup(html.text, "html.parser").select_one(".a11y-audio a[download]")
        # The view that checks the page (not the bucket URL) reads the bucket and serves it.
        downloaded = requests.get(
            f"{reader}{link['href']}", headers={"Host": bunder.hostname}, timeout=30
        )

    assert html.status_code == 200
    audio = AudioVersion.objects.get(page=page)
    assert link["href"] == audio.public_url()
    assert downloaded.status_code == 200
    assert is_mp3(downloaded.content)
    assert len(downloaded.content) == audio.size_bytes
    assert downloaded.content == s3_storage.content(audio.file.name)
    # Nothing was written on the "machines" themselves: every file went to the bucket.
    assert [list(directory.iterdir()) for directory in machines.values()] == [[], [], []]
