"""The fake platform servers behave like the real APIs where our clients depend on it.

Plain HTTP over loopback with ``requests`` / ``requests_oauthlib``; no database.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import socket
import time
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from requests_oauthlib import OAuth2Session

from tests.fakes import FakeCkan, FakeGoogle, FakeGraph, FakeX

REDIRECT = "http://127.0.0.1:9/oauth/callback"


@pytest.fixture(autouse=True)
def _insecure_loopback_oauth(monkeypatch):
    """requests-oauthlib refuses http:// unless told this is a local test."""
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")


def consent(url: str) -> str:
    """Walk a fake consent screen; return the redirect back to the app."""
    response = requests.get(url, allow_redirects=False, timeout=5)
    assert response.status_code == 302, response.text
    return response.headers["Location"]


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


# -- Graph: Facebook Pages ---------------------------------------------------------------------


def test_graph_login_long_lived_page_token_and_post(fake_graph: FakeGraph):
    graph = f"{fake_graph.base_url}/v25.0"
    session = OAuth2Session(
        fake_graph.app_id,
        redirect_uri=REDIRECT,
        scope=["pages_show_list", "pages_read_engagement", "pages_manage_posts"],
    )
    url, state = session.authorization_url(f"{graph}/dialog/oauth")
    back = consent(url)
    assert back.startswith(REDIRECT)
    assert parse_qs(urlsplit(back).query)["state"] == [state]

    short = session.fetch_token(
        f"{graph}/oauth/access_token",
        authorization_response=back,
        client_secret=fake_graph.app_secret,
        include_client_id=True,
    )
    assert short["expires_in"] < 86400
    # The same code cannot be exchanged twice.
    code = parse_qs(urlsplit(back).query)["code"][0]
    again = requests.get(
        f"{graph}/oauth/access_token",
        params={
            "client_id": fake_graph.app_id,
            "client_secret": fake_graph.app_secret,
            "redirect_uri": REDIRECT,
            "code": code,
        },
        timeout=5,
    )
    assert again.status_code == 400
    assert again.json()["error"]["code"] == 100

    long = requests.get(
        f"{graph}/oauth/access_token",
        params={
            "grant_type": "fb_exchange_token",
            "client_id": fake_graph.app_id,
            "client_secret": fake_graph.app_secret,
            "fb_exchange_token": short["access_token"],
        },
        timeout=5,
    ).json()
    assert long["expires_in"] >= 59 * 86400

    pages = requests.get(
        f"{graph}/me/accounts", params={"access_token": long["access_token"]}, timeout=5
    ).json()
    page = pages["data"][0]
    assert page["id"] == fake_graph.page_id
    assert page["instagram_business_account"]["id"] == fake_graph.ig_user_id

    debug = requests.get(
        f"{graph}/debug_token",
        params={
            "input_token": page["access_token"],
            "access_token": fake_graph.app_token,
        },
        timeout=5,
    ).json()["data"]
    assert debug["is_valid"] is True
    assert debug["type"] == "PAGE"
    assert debug["expires_at"] == 0  # page token from a long-lived user token
    assert "pages_manage_posts" in debug["scopes"]

    created = requests.post(
        f"{graph}/{page['id']}/feed",
        data={
            "message": "Rilis berita",
            "link": "https://kota.example.go.id/berita/1/",
        },
        headers={"Authorization": f"Bearer {page['access_token']}"},
        timeout=5,
    )
    post_id = created.json()["id"]
    assert created.status_code == 200
    assert post_id.startswith(f"{page['id']}_")
    assert fake_graph.last_request.headers["Authorization"] == f"Bearer {page['access_token']}"

    link = requests.get(
        f"{graph}/{post_id}",
        params={
            "fields": "permalink_url",
            "access_token": page["access_token"],
        },
        timeout=5,
    ).json()
    assert link == {"id": post_id, "permalink_url": fake_graph.posts[0]["permalink_url"]}
    # Field names are checked like Graph does: posts have permalink_url, not permalink.
    wrong = requests.get(
        f"{graph}/{post_id}",
        params={
            "fields": "permalink",
            "access_token": page["access_token"],
        },
        timeout=5,
    )
    assert wrong.status_code == 400
    assert wrong.json()["error"]["code"] == 100


def test_graph_needs_page_token_accepts_photo_upload_rejects_duplicate(fake_graph: FakeGraph):
    feed = f"{fake_graph.base_url}/{fake_graph.page_id}/feed"
    user_token = fake_graph.issue_user_token(long_lived=True)
    denied = requests.post(feed, data={"message": "x", "access_token": user_token}, timeout=5)
    assert denied.json()["error"]["code"] == 200

    photo = requests.post(
        f"{fake_graph.base_url}/{fake_graph.page_id}/photos",
        timeout=5,
        data={"caption": "Foto kegiatan", "access_token": fake_graph.page_token},
        files={"source": ("a.jpg", b"\xff\xd8\xff\x00jpeg\r\n", "image/jpeg")},
    ).json()
    assert fake_graph.posts[0]["id"] == photo["post_id"]
    assert fake_graph.posts[0]["image_bytes"] == b"\xff\xd8\xff\x00jpeg\r\n"

    data = {"message": "Pengumuman", "access_token": fake_graph.page_token}
    assert requests.post(feed, data=data, timeout=5).status_code == 200
    duplicate = requests.post(feed, data=data, timeout=5)
    assert duplicate.status_code == 400
    assert duplicate.json()["error"]["code"] == 506
    assert len(fake_graph.posts) == 2


def test_graph_expired_page_token_answers_190(fake_graph: FakeGraph):
    feed = f"{fake_graph.base_url}/v25.0/{fake_graph.page_id}/feed"
    token = fake_graph.page_token
    assert requests.post(feed, data={"message": "a", "access_token": token}, timeout=5).ok

    fake_graph.expire_token(token)  # e.g. the admin changed their password
    failed = requests.post(feed, data={"message": "b", "access_token": token}, timeout=5)
    error = failed.json()["error"]
    assert failed.status_code == 400
    assert (error["code"], error["error_subcode"], error["type"]) == (190, 460, "OAuthException")
    assert set(error) >= {"message", "type", "code", "error_subcode", "fbtrace_id"}
    assert "invalid_token" in failed.headers["WWW-Authenticate"]
    debug = requests.get(
        f"{fake_graph.base_url}/debug_token",
        params={"input_token": token, "access_token": fake_graph.app_token},
        timeout=5,
    ).json()["data"]
    assert debug["is_valid"] is False
    assert debug["error"]["code"] == 190
    assert len(fake_graph.posts) == 1


def test_graph_throttling_is_per_path_with_usage_headers(fake_graph: FakeGraph):
    base = f"{fake_graph.base_url}/{fake_graph.page_id}"
    auth = {"access_token": fake_graph.page_token}
    fake_graph.rate_limit(code=32, regain_minutes=7, path=r"/feed$")

    photo = requests.post(
        f"{base}/photos",
        data={**auth, "url": "https://kota.example.go.id/media/a.jpg", "caption": "Foto"},
        timeout=5,
    )
    assert photo.ok
    assert {"id", "post_id"} <= photo.json().keys()

    throttled = requests.post(f"{base}/feed", data={**auth, "message": "m"}, timeout=5)
    assert throttled.json()["error"]["code"] == 32
    assert throttled.json()["error"]["is_transient"] is True
    usage = json.loads(throttled.headers["X-Business-Use-Case-Usage"])
    assert usage[fake_graph.page_id][0]["estimated_time_to_regain_access"] == 7

    assert requests.post(f"{base}/feed", data={**auth, "message": "m"}, timeout=5).ok
    assert fake_graph.image_urls == ["https://kota.example.go.id/media/a.jpg"]


def test_graph_drop_after_work_keeps_post_client_sees_connection_error(fake_graph: FakeGraph):
    base = f"{fake_graph.base_url}/v25.0/{fake_graph.page_id}"
    auth = {"access_token": fake_graph.page_token}
    requests.post(f"{base}/feed", data={**auth, "message": "lama"}, timeout=5)
    fake_graph.drop_after_work(path="/feed", method="POST")

    with pytest.raises(requests.ConnectionError):
        requests.post(
            f"{base}/feed",
            data={**auth, "message": "baru", "link": "https://kota.example.go.id/b/2/"},
            timeout=5,
        )
    assert [p["message"] for p in fake_graph.posts] == ["lama", "baru"]

    # Reconciliation: the recent feed shows the post, newest first.
    recent = requests.get(
        f"{base}/feed",
        params={**auth, "fields": "id,message,link,permalink_url", "limit": 5},
        timeout=5,
    ).json()
    assert [p["message"] for p in recent["data"]] == ["baru", "lama"]
    assert recent["data"][0]["link"] == "https://kota.example.go.id/b/2/"
    assert recent["data"][0]["permalink_url"].startswith("https://www.facebook.com/")


# -- Graph: Instagram ---------------------------------------------------------------------------


def test_instagram_publish_waits_for_finished_and_is_idempotent(fake_graph: FakeGraph):
    fake_graph.ig_container_polls = 2
    ig = f"{fake_graph.base_url}/v25.0/{fake_graph.ig_user_id}"
    auth = {"access_token": fake_graph.page_token}
    image = "https://kota.example.go.id/media/berita-1.jpg"

    container = requests.post(
        f"{ig}/media", data={**auth, "image_url": image, "caption": "Berita"}, timeout=5
    ).json()["id"]
    assert fake_graph.image_urls == [image]

    early = requests.post(f"{ig}/media_publish", data={**auth, "creation_id": container}, timeout=5)
    error = early.json()["error"]
    assert (error["code"], error["error_subcode"]) == (9007, 2207027)

    statuses = [
        requests.get(
            f"{fake_graph.base_url}/v25.0/{container}",
            params={**auth, "fields": "status_code"},
            timeout=5,
        ).json()["status_code"]
        for _ in range(3)
    ]
    assert statuses == ["IN_PROGRESS", "IN_PROGRESS", "FINISHED"]

    first = requests.post(
        f"{ig}/media_publish", data={**auth, "creation_id": container}, timeout=5
    ).json()["id"]
    second = requests.post(
        f"{ig}/media_publish", data={**auth, "creation_id": container}, timeout=5
    ).json()["id"]
    assert first == second
    assert len(fake_graph.posts_for(fake_graph.ig_user_id)) == 1

    media = requests.get(
        f"{fake_graph.base_url}/{first}", params={**auth, "fields": "permalink"}, timeout=5
    ).json()
    assert media["permalink"].startswith("https://www.instagram.com/p/")
    recent = requests.get(
        f"{ig}/media", params={**auth, "fields": "id,caption,permalink"}, timeout=5
    ).json()["data"]
    assert recent == [{"id": first, "caption": "Berita", "permalink": media["permalink"]}]
    limit = requests.get(f"{ig}/content_publishing_limit", params=auth, timeout=5).json()
    assert limit["data"][0]["quota_usage"] == 1
    assert limit["data"][0]["config"]["quota_total"] == 50


def test_instagram_container_error_and_relative_image_url(fake_graph: FakeGraph):
    ig = f"{fake_graph.base_url}/{fake_graph.ig_user_id}"
    auth = {"access_token": fake_graph.page_token}
    relative = requests.post(f"{ig}/media", data={**auth, "image_url": "/media/a.jpg"}, timeout=5)
    assert relative.json()["error"]["code"] == 9004

    fake_graph.ig_container_outcome = "ERROR"
    fake_graph.ig_container_polls = 0
    container = requests.post(
        f"{ig}/media", data={**auth, "image_url": "https://kota.example.go.id/a.jpg"}, timeout=5
    ).json()["id"]
    status = requests.get(
        f"{fake_graph.base_url}/{container}", params={**auth, "fields": "status_code"}, timeout=5
    ).json()
    assert status["status_code"] == "ERROR"
    publish = requests.post(
        f"{ig}/media_publish", data={**auth, "creation_id": container}, timeout=5
    )
    assert publish.status_code == 400
    assert fake_graph.posts == []


# -- Google / YouTube ---------------------------------------------------------------------------


def test_google_offline_consent_pkce_and_refresh_not_rotated(fake_google: FakeGoogle):
    session = OAuth2Session(
        fake_google.client_id,
        redirect_uri=REDIRECT,
        scope=["https://www.googleapis.com/auth/youtube.upload"],
        pkce="S256",
    )
    url, _ = session.authorization_url(
        f"{fake_google.base_url}/o/oauth2/v2/auth", access_type="offline", prompt="consent"
    )
    token = session.fetch_token(
        f"{fake_google.base_url}/token",
        authorization_response=consent(url),
        client_secret=fake_google.client_secret,
    )
    assert token["refresh_token"].startswith("1//")
    refresh = token["refresh_token"]

    raw = requests.post(
        f"{fake_google.base_url}/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": refresh,
            "client_id": fake_google.client_id,
            "client_secret": fake_google.client_secret,
        },
        timeout=5,
    ).json()
    assert raw["access_token"] != token["access_token"]
    assert "refresh_token" not in raw
    # Not rotated: the same refresh token keeps working.
    assert session.refresh_token(
        f"{fake_google.base_url}/token",
        refresh_token=refresh,
        client_id=fake_google.client_id,
        client_secret=fake_google.client_secret,
    )["access_token"]

    fake_google.expire_token(refresh)  # revoked by the user, or unused for 6 months
    dead = requests.post(
        f"{fake_google.base_url}/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": refresh,
        },
        auth=(fake_google.client_id, fake_google.client_secret),
        timeout=5,
    )
    assert dead.status_code == 400
    assert dead.json()["error"] == "invalid_grant"


def test_youtube_resumable_upload_survives_a_drop(fake_google: FakeGoogle):
    access = fake_google.issue_tokens()["access_token"]
    payload = os.urandom(600_000)
    total = len(payload)
    start = requests.post(
        f"{fake_google.base_url}/upload/youtube/v3/videos",
        params={"uploadType": "resumable", "part": "snippet,status"},
        json={
            "snippet": {"title": "Rapat Paripurna", "description": "Video"},
            "status": {"privacyStatus": "unlisted"},
        },
        headers={
            "Authorization": f"Bearer {access}",
            "X-Upload-Content-Length": str(total),
            "X-Upload-Content-Type": "video/mp4",
        },
        timeout=5,
    )
    assert start.status_code == 200
    session_uri = start.headers["Location"]

    # First chunk arrives: 308 and the server says what it has.
    chunk = 262_144
    first = requests.put(
        session_uri,
        data=payload[:chunk],
        timeout=5,
        headers={"Content-Range": f"bytes 0-{chunk - 1}/{total}"},
    )
    assert first.status_code == 308
    assert first.headers["Range"] == f"bytes=0-{chunk - 1}"

    # The network drops 100 000 bytes into the rest.
    fake_google.drop_after_bytes(100_000, path="/upload/youtube/v3/videos", method="PUT")
    with pytest.raises(requests.ConnectionError):
        requests.put(
            session_uri,
            data=payload[chunk:],
            timeout=5,
            headers={"Content-Range": f"bytes {chunk}-{total - 1}/{total}"},
        )
    assert fake_google.videos == []

    status = requests.put(
        session_uri, data=b"", timeout=5, headers={"Content-Range": f"bytes */{total}"}
    )
    assert status.status_code == 308
    offset = int(status.headers["Range"].rsplit("-", 1)[1]) + 1
    assert offset == chunk + 100_000

    done = requests.put(
        session_uri,
        data=payload[offset:],
        timeout=5,
        headers={"Content-Range": f"bytes {offset}-{total - 1}/{total}"},
    )
    assert done.status_code == 200
    video = done.json()
    assert video["snippet"]["title"] == "Rapat Paripurna"
    assert video["status"]["privacyStatus"] == "unlisted"
    assert fake_google.videos[0]["content"] == payload
    assert fake_google.quota_used == 1600

    # Asking again after completion returns the same video, no second upload.
    again = requests.put(
        session_uri, data=b"", headers={"Content-Range": f"bytes */{total}"}, timeout=5
    )
    assert again.json()["id"] == video["id"]
    assert len(fake_google.videos) == 1

    # Reconciliation through the channel's uploads playlist, newest first.
    auth = {"Authorization": f"Bearer {access}"}
    channel = requests.get(
        f"{fake_google.base_url}/youtube/v3/channels",
        params={"mine": "true", "part": "contentDetails"},
        headers=auth,
        timeout=5,
    ).json()["items"][0]
    uploads = channel["contentDetails"]["relatedPlaylists"]["uploads"]
    items = requests.get(
        f"{fake_google.base_url}/youtube/v3/playlistItems",
        params={"playlistId": uploads, "part": "snippet,contentDetails"},
        headers=auth,
        timeout=5,
    ).json()["items"]
    assert [i["contentDetails"]["videoId"] for i in items] == [video["id"]]
    listed = requests.get(
        f"{fake_google.base_url}/youtube/v3/videos",
        params={"id": video["id"], "part": "snippet"},
        headers=auth,
        timeout=5,
    ).json()["items"]
    assert listed[0]["id"] == video["id"]


def test_youtube_caption_insert_and_expired_access_token(fake_google: FakeGoogle):
    access = fake_google.issue_tokens()["access_token"]
    auth = {"Authorization": f"Bearer {access}"}
    start = requests.post(
        f"{fake_google.base_url}/upload/youtube/v3/videos",
        params={"uploadType": "resumable", "part": "snippet"},
        json={"snippet": {"title": "Klip"}},
        headers=auth,
        timeout=5,
    )
    video = requests.put(start.headers["Location"], data=b"\x00" * 10, timeout=5).json()

    boundary = "caption-boundary"
    metadata = json.dumps(
        {"snippet": {"videoId": video["id"], "language": "id", "name": "Bahasa Indonesia"}}
    )
    body = (
        f"--{boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{metadata}\r\n"
        f"--{boundary}\r\nContent-Type: application/octet-stream\r\n\r\n"
        "1\r\n00:00:00,000 --> 00:00:01,000\r\nHalo\r\n"
        f"\r\n--{boundary}--\r\n"
    ).encode()
    caption = requests.post(
        f"{fake_google.base_url}/upload/youtube/v3/captions",
        params={"uploadType": "multipart", "part": "snippet"},
        data=body,
        timeout=5,
        headers={**auth, "Content-Type": f"multipart/related; boundary={boundary}"},
    )
    assert caption.status_code == 200
    assert caption.json()["snippet"]["videoId"] == video["id"]
    assert b"Halo" in fake_google.captions[0]["content"]

    fake_google.expire_token(access)
    expired = requests.get(
        f"{fake_google.base_url}/youtube/v3/videos",
        params={"id": video["id"], "part": "snippet"},
        headers=auth,
        timeout=5,
    )
    assert expired.status_code == 401
    assert expired.json()["error"]["status"] == "UNAUTHENTICATED"


# -- X ------------------------------------------------------------------------------------------


def test_x_authorization_code_with_pkce(fake_x: FakeX):
    session = OAuth2Session(
        fake_x.client_id,
        redirect_uri=REDIRECT,
        pkce="S256",
        scope=["tweet.read", "tweet.write", "users.read", "offline.access"],
    )
    url, _ = session.authorization_url(f"{fake_x.base_url}/i/oauth2/authorize")
    token = session.fetch_token(
        f"{fake_x.base_url}/2/oauth2/token",
        authorization_response=consent(url),
        client_secret=fake_x.client_secret,
    )
    assert token["expires_in"] == 7200
    assert token["refresh_token"]
    me = session.get(f"{fake_x.base_url}/2/users/me", timeout=5).json()["data"]
    assert me["id"] == fake_x.user_id

    # A code obtained with one verifier cannot be redeemed with another.
    verifier = "v" * 50
    back = consent(
        f"{fake_x.base_url}/i/oauth2/authorize?"
        + requests.compat.urlencode(
            {
                "response_type": "code",
                "client_id": fake_x.client_id,
                "redirect_uri": REDIRECT,
                "scope": "tweet.read users.read",
                "state": "s1",
                "code_challenge": s256(verifier),
                "code_challenge_method": "S256",
            }
        )
    )
    code = parse_qs(urlsplit(back).query)["code"][0]
    exchange = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT}
    auth = (fake_x.client_id, fake_x.client_secret)
    wrong = requests.post(
        f"{fake_x.base_url}/2/oauth2/token",
        auth=auth,
        timeout=5,
        data={**exchange, "code_verifier": "w" * 50},
    )
    assert wrong.status_code == 400
    assert wrong.json()["error"] == "invalid_request"
    right = requests.post(
        f"{fake_x.base_url}/2/oauth2/token",
        auth=auth,
        timeout=5,
        data={**exchange, "code_verifier": verifier},
    )
    assert right.ok
    assert "refresh_token" not in right.json()

    # X insists on PKCE at the consent screen.
    no_pkce = requests.get(
        f"{fake_x.base_url}/i/oauth2/authorize",
        allow_redirects=False,
        params={
            "response_type": "code",
            "client_id": fake_x.client_id,
            "redirect_uri": REDIRECT,
            "state": "s",
        },
        timeout=5,
    )
    assert no_pkce.status_code == 400


def test_x_refresh_tokens_are_single_use(fake_x: FakeX):
    first = fake_x.issue_tokens()
    token_url = f"{fake_x.base_url}/2/oauth2/token"
    auth = (fake_x.client_id, fake_x.client_secret)
    second = requests.post(
        token_url,
        auth=auth,
        timeout=5,
        data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
    ).json()
    assert second["refresh_token"] != first["refresh_token"]

    replay = requests.post(
        token_url,
        auth=auth,
        timeout=5,
        data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
    )
    assert replay.status_code == 400
    assert replay.json()["error"] == "invalid_request"

    third = requests.post(
        token_url,
        auth=auth,
        timeout=5,
        data={"grant_type": "refresh_token", "refresh_token": second["refresh_token"]},
    )
    assert third.ok
    no_basic = requests.post(
        token_url,
        timeout=5,
        data={"grant_type": "refresh_token", "refresh_token": third.json()["refresh_token"]},
    )
    assert no_basic.status_code == 401


def test_x_tweets_media_duplicates_and_expiry(fake_x: FakeX):
    token = fake_x.issue_tokens()["access_token"]
    auth = {"Authorization": f"Bearer {token}"}
    media = requests.post(
        f"{fake_x.base_url}/2/media/upload",
        headers=auth,
        timeout=5,
        files={"media": ("a.jpg", b"\xff\xd8\xff jpeg", "image/jpeg")},
        data={"media_category": "tweet_image"},
    ).json()["data"]
    assert media["media_key"] == f"3_{media['id']}"

    tweet = requests.post(
        f"{fake_x.base_url}/2/tweets",
        headers=auth,
        timeout=5,
        json={
            "text": "Berita baru https://kota.example.go.id/b/1/",
            "media": {"media_ids": [media["id"]]},
        },
    )
    assert tweet.status_code == 201
    assert tweet.json()["data"]["text"].startswith("Berita baru")
    assert (
        int(tweet.headers["x-rate-limit-remaining"]) == int(tweet.headers["x-rate-limit-limit"]) - 1
    )

    duplicate = requests.post(
        f"{fake_x.base_url}/2/tweets",
        headers=auth,
        timeout=5,
        json={"text": "Berita baru https://kota.example.go.id/b/1/"},
    )
    assert duplicate.status_code == 403
    assert duplicate.json()["detail"] == (
        "You are not allowed to create a Tweet with duplicate content."
    )
    requests.post(f"{fake_x.base_url}/2/tweets", headers=auth, timeout=5, json={"text": "Dua"})
    timeline = requests.get(
        f"{fake_x.base_url}/2/users/{fake_x.user_id}/tweets",
        headers=auth,
        params={"max_results": 5},
        timeout=5,
    ).json()
    assert [t["text"] for t in timeline["data"]][0] == "Dua"
    assert timeline["meta"]["result_count"] == 2

    clock = time.time() + 7201  # the 2-hour access token has lapsed
    fake_x.now = lambda: clock
    expired = requests.get(f"{fake_x.base_url}/2/users/me", headers=auth, timeout=5)
    assert expired.status_code == 401
    assert expired.json()["title"] == "Unauthorized"


def test_x_rate_limit_429_headers(fake_x: FakeX):
    auth = {"Authorization": f"Bearer {fake_x.issue_tokens()['access_token']}"}
    fake_x.rate_limit(reset_in=120, path="^/2/tweets$")
    limited = requests.post(
        f"{fake_x.base_url}/2/tweets", headers=auth, json={"text": "a"}, timeout=5
    )
    assert limited.status_code == 429
    assert limited.headers["x-rate-limit-remaining"] == "0"
    assert int(limited.headers["x-rate-limit-reset"]) >= int(time.time()) + 119
    assert fake_x.tweets == []

    fake_x.rate_limits["POST /2/tweets"] = (1, 900)  # a real window running out
    assert (
        requests.post(
            f"{fake_x.base_url}/2/tweets", headers=auth, json={"text": "a"}, timeout=5
        ).status_code
        == 201
    )
    second = requests.post(
        f"{fake_x.base_url}/2/tweets", headers=auth, json={"text": "b"}, timeout=5
    )
    assert second.status_code == 429
    assert second.headers["x-rate-limit-remaining"] == "0"


# -- CKAN ---------------------------------------------------------------------------------------


def test_ckan_duplicate_name_then_patch_and_upload(fake_ckan: FakeCkan):
    api = f"{fake_ckan.base_url}/api/3/action"
    auth = {"Authorization": fake_ckan.api_token}
    dataset = {"name": "berita-2026-001", "title": "Berita", "owner_org": fake_ckan.org["name"]}
    created = requests.post(f"{api}/package_create", json=dataset, headers=auth, timeout=5)
    assert created.json()["success"] is True
    package_id = created.json()["result"]["id"]

    clash = requests.post(f"{api}/package_create", json=dataset, headers=auth, timeout=5)
    assert clash.status_code == 409
    assert clash.json()["success"] is False
    assert clash.json()["error"] == {
        "__type": "Validation Error",
        "name": ["That URL is already in use."],
    }

    # The idempotent path: look the dataset up by its name and patch it.
    shown = requests.get(
        f"{api}/package_show", params={"id": dataset["name"]}, headers=auth, timeout=5
    ).json()["result"]
    patched = requests.post(
        f"{api}/package_patch",
        headers=auth,
        timeout=5,
        json={"id": shown["id"], "notes": "Diperbarui"},
    ).json()["result"]
    assert patched["id"] == package_id
    assert patched["notes"] == "Diperbarui"
    assert patched["title"] == "Berita"
    assert len(fake_ckan.packages) == 1

    resource = requests.post(
        f"{api}/resource_create",
        headers=auth,
        timeout=5,
        data={"package_id": package_id, "name": "Data"},
        files={"upload": ("data.csv", b"a,b\n1,2\n", "text/csv")},
    )
    resource_json = resource.json()["result"]
    assert resource_json["format"] == "CSV"
    assert resource_json["url_type"] == "upload"
    assert requests.get(resource_json["url"], timeout=5).content == b"a,b\n1,2\n"

    org = requests.get(
        f"{api}/organization_show", params={"id": fake_ckan.org["name"]}, timeout=5
    ).json()["result"]
    assert org["package_count"] == 1
    mine = requests.get(
        f"{api}/organization_list_for_user",
        headers=auth,
        timeout=5,
        params={"permission": "create_dataset"},
    ).json()["result"]
    assert [o["name"] for o in mine] == [fake_ckan.org["name"]]

    bad = requests.post(
        f"{api}/package_patch",
        json={"id": package_id, "notes": "x"},
        headers={"Authorization": "wrong"},
        timeout=5,
    )
    assert bad.status_code == 403
    assert bad.json()["error"]["__type"] == "Authorization Error"
    missing = requests.get(f"{api}/package_show", params={"id": "nope"}, timeout=5)
    assert missing.status_code == 404


# -- shared machinery ---------------------------------------------------------------------------


def test_fail_next_slow_and_request_log(fake_x: FakeX):
    token = fake_x.issue_tokens()["access_token"]
    auth = {"Authorization": f"Bearer {token}"}
    fake_x.fail_next(n=2, status=503, path="^/2/tweets$")
    statuses = [
        requests.post(
            f"{fake_x.base_url}/2/tweets", headers=auth, timeout=5, json={"text": f"t{i}"}
        ).status_code
        for i in range(3)
    ]
    assert statuses == [503, 503, 201]
    assert [r.headers["Authorization"] for r in fake_x.requests_to("/2/tweets")] == [
        f"Bearer {token}"
    ] * 3
    method, path, headers, body = fake_x.requests[0]
    assert (method, path, json.loads(body)) == ("POST", "/2/tweets", {"text": "t0"})

    # A slow platform: the client gives up, the platform still does the work.
    fake_x.slow(0.5, n=1, path="^/2/tweets$")
    with pytest.raises(requests.Timeout):
        requests.post(
            f"{fake_x.base_url}/2/tweets", headers=auth, json={"text": "lambat"}, timeout=0.1
        )
    deadline = time.monotonic() + 3
    while len(fake_x.tweets) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [t["text"] for t in fake_x.tweets] == ["t2", "lambat"]


def test_servers_bind_loopback_and_release_the_port():
    fakes = [FakeGraph(), FakeGoogle(), FakeX(), FakeCkan()]
    for fake in fakes:
        with fake:
            assert fake.base_url.startswith("http://127.0.0.1:")
            port = int(fake.base_url.rsplit(":", 1)[1])
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
