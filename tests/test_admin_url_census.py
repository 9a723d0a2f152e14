"""The URL census: every URL pattern the project serves is classified, and every admin URL is
probed as each role of one institution with another institution's object ids.

The table is ``tests/admin_url_table.py``. A pattern missing from it fails
:func:`test_every_served_url_pattern_is_classified`; the probes then request each admin URL
(GET, and an empty POST on object and operator URLs) and check the status code, the redirect
target, the body and the messages flashed on the way for anything of the other institution:
its name, titles, usernames, task names (all carry the marker ``Zeta``) and links to its ids.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, path, reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Site, Task, UploadedFile

from cms import urls as cms_urls
from home.models import ArticleOffer, InstitutionRole, InstitutionSettings
from home.security.policy import requires_second_factor
from social_publish.connect import connect_sandbox
from social_publish.models import Channel, SandboxPost, Syndication
from sop_workflow.models import (
    ArchiveRecord,
    Disposition,
    FollowUpTodo,
    InstalledSop,
    IntakeRegisterEntry,
)
from tests.admin_url_table import ADMIN_URLS, LISTING, OBJECT, OPERATOR, PUBLIC, Url
from tests.institutions import Institution, ensure_wagtail_roots, png_bytes
from tests.signin import mark_verified

MARKER = "zeta"  # in every name, title and username of the other institution (any case)


# --- enumeration ------------------------------------------------------------------------


def served_routes(patterns=None, prefix: str = "") -> Iterator[str]:
    """Every route the URL resolver serves, joined from its includes (``admin/pages/…``)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from served_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def unclassified_routes() -> list[str]:
    return sorted(set(served_routes()) - set(ADMIN_URLS))


def test_every_served_url_pattern_is_classified():
    missing = unclassified_routes()
    assert not missing, (
        "URL patterns not in tests/admin_url_table.py (classify each as operator-only, "
        f"per-object or own-institution listing): {missing}"
    )
    stale = sorted(set(ADMIN_URLS) - set(served_routes()))
    assert not stale, f"tests/admin_url_table.py lists routes nobody serves: {stale}"


def _throwaway_view(request):  # pragma: no cover - never requested
    raise AssertionError


class ThrowawayUrlconf:
    """The project's URLs plus one that nobody classified."""

    urlpatterns = [
        path("admin/tidak-tercatat/<int:pk>/", _throwaway_view, name="tidak_tercatat"),
        *cms_urls.urlpatterns,
    ]


def test_a_new_unclassified_url_fails_the_census():
    with override_settings(ROOT_URLCONF=ThrowawayUrlconf):
        assert unclassified_routes() == ["admin/tidak-tercatat/<int:pk>/"]
    assert unclassified_routes() == []


# --- the two institutions ---------------------------------------------------------------


def institution_with_sop(sop: str, name: str, hostname: str) -> Institution:
    call_command(
        "create_institution",
        *("--name", name, "--hostname", hostname, "--type", "kalurahan", "--sop", sop),
        stdout=io.StringIO(),
    )
    return Institution(Site.objects.get(hostname=hostname))


def foreign_objects(inst: Institution) -> dict[str, object]:
    """Institution B's objects, one of each kind an admin URL can name; all say ``Zeta``."""
    submitter = inst.user("admin_medsos", username="zeta-penulis")
    page = inst.news("Draf Zeta rahasia", publish=False)
    page.save_revision(user=submitter)
    live = inst.news("Kabar Zeta tayang")
    live.tags.add("zetatag")
    live.save_revision().publish()
    workflow = page.get_workflow()
    workflow.name = "Alur Zeta"
    workflow.save()
    for task in Task.objects.filter(workflow_tasks__workflow=workflow):
        task.name = f"Tugas Zeta {task.pk}"
        task.save()
    workflow_state = workflow.start(page, submitter)
    task_state = workflow_state.current_task_state
    image = inst.image(title="Foto Zeta", description="Foto Zeta")
    image.tags.add("zetafoto")
    document = get_document_model()(title="Dokumen Zeta", collection=inst.collection)
    document.file.save("dokumen-zeta.txt", ContentFile(b"isi Zeta"), save=True)
    image_type = ContentType.objects.get_for_model(type(image))
    uploaded_image = UploadedFile.objects.create(
        file=ImageFile(io.BytesIO(png_bytes()), name="unggahan-zeta.png"),
        for_content_type=image_type,
        uploaded_by_user=submitter,
    )
    uploaded_document = UploadedFile.objects.create(
        file=ContentFile(b"isi", name="unggahan-zeta.txt"),
        for_content_type=ContentType.objects.get_for_model(type(document)),
        uploaded_by_user=submitter,
    )
    channel = Channel.objects.create(
        site=inst.site, kind="facebook", name="Saluran Zeta", account_id="fb-zeta"
    )
    leader = inst.user("admin", username="zeta-admin")
    objects = {
        "home": inst.home,
        "news_index": inst.news_index,
        "page": page,
        "live_page": live,
        "revision": page.latest_revision,
        "workflow": workflow,
        "workflow_state": workflow_state,
        "task_state": task_state,
        "task": task_state.task,
        "image": image,
        "document": document,
        "collection": inst.collection,
        "uploaded_image": uploaded_image,
        "uploaded_document": uploaded_document,
        "editing_session": EditingSession.objects.create(
            user=submitter, content_object=page, last_seen_at=timezone.now()
        ),
        "channel": channel,
        "syndication": Syndication.objects.create(
            page=live, channel=channel, requested_by=submitter
        ),
        "sandbox_post": SandboxPost.objects.create(
            channel=connect_sandbox(inst.site),
            page=live,
            key="uji-zeta",
            url="http://zeta.localhost/",
            title="Unggahan Zeta",
            message="Pesan Zeta",
        ),
        "disposition": Disposition.objects.create(
            site=inst.site,
            activity="Liputan Zeta",
            material="Bahan Zeta",
            deadline=timezone.now() + timedelta(days=1),
            assignee_role=InstitutionRole.objects.get(site=inst.site, key="admin_medsos"),
            assigned_by=leader,
        ),
        "intake_entry": IntakeRegisterEntry.objects.create(
            site=inst.site,
            year=2025,
            number=437,
            page=page,
            title="Agenda Zeta",
            registered_at=timezone.now(),
            registered_by=submitter,
        ),
        "archive_record": ArchiveRecord.objects.create(
            site=inst.site,
            year=2025,
            number=438,
            page=live,
            revision=live.latest_revision,
            title="Arsip Zeta",
            published_at=timezone.now(),
        ),
        "installed_sop": InstalledSop.objects.get(site=inst.site, is_current=True),
        "follow_up": FollowUpTodo.objects.create(
            site=inst.site,
            page=page,
            workflow_state=workflow_state,
            step_number=9,
            action="links",
            role_keys=["admin_medsos"],
            description="Tindak lanjut Zeta",
        ),
        "redirect": Redirect.objects.create(
            old_path="/zeta-lama", site=inst.site, redirect_link="/zeta-baru"
        ),
        "site": inst.site,
        "article_offer": ArticleOffer.objects.create(page=live, site=inst.site),
        "settings": InstitutionSettings.objects.get(site=inst.site),
        "user": submitter,
        "group": InstitutionRole.objects.get(site=inst.site, key="admin_medsos").group,
    }
    return objects


#: URL arguments that are not another institution's object (types, actions, filters).
LITERALS = {
    "page_app": "wagtailcore",
    "page_model": "page",
    "news_app": "home",
    "news_model": "newspage",
    "tag_app": "taggit",
    "tag_model": "tag",
    "task_app": "sop_workflow",
    "task_model": "sopapprovaltask",
    "settings_app": "home",
    "settings_model": "institutionsettings",
    "channel_kind": "facebook",
    "filter_spec": "fill-10x10",
}


@dataclass
class Census:
    members: dict[str, Client]  # institution A's role key → a signed-in client
    ids: dict[str, str]  # fixture key → institution B's object id (or a literal)
    foreign_links: tuple[str, ...]  # admin paths of B's objects that a listing must not link
    failures: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def census(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Census]:
    """Institution A (Kapanewon Bantul's SOP: its three roles and the administrator) and B
    (Bunder's SOP; every name says Zeta), built once for the module and rolled back after it."""
    media = tmp_path_factory.mktemp("census-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            ensure_wagtail_roots()
            own = institution_with_sop("kapanewon_bantul", "Kapanewon Bantul", "bantul.localhost")
            other = institution_with_sop(
                "kalurahan_bunder", "Kalurahan Sembunyi Zeta", "zeta.localhost"
            )
            objects = foreign_objects(other)
            own.news("Kabar milik sendiri")
            members = {}
            for role in InstitutionRole.objects.filter(site=own.site).order_by("key"):
                user = own.user(role.key)
                client = Client(HTTP_HOST=own.hostname)
                client.force_login(user)
                if requires_second_factor(user):
                    mark_verified(client, user)
                members[role.key] = client
            ids = {key: str(getattr(value, "pk", value)) for key, value in objects.items()}
            links = (
                f"/admin/pages/{ids['page']}/",
                f"/admin/pages/{ids['live_page']}/",
                f"/admin/images/{ids['image']}/",
                f"/admin/documents/edit/{ids['document']}/",
            )
            yield Census(members, {**LITERALS, **ids}, links)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


# --- the probe --------------------------------------------------------------------------


def url_of(route: str, entry: Url, ids: dict[str, str]) -> str:
    if entry.path:
        return entry.path
    name = next(n for r, n in named_routes() if r == route)
    kwargs = {arg: ids.get(key, key) for arg, key in entry.kwargs.items()}
    return reverse(name, kwargs=kwargs)


def named_routes(patterns=None, prefix: str = "", namespace: str = "") -> list[tuple[str, str]]:
    """(route, namespaced name) of every named pattern."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            found += named_routes(pattern.url_patterns, route, inner)
        elif pattern.name:
            found.append((route, f"{namespace}:{pattern.name}" if namespace else pattern.name))
    return found


def flashed(client: Client, response) -> list[str]:
    """The messages the request queued (shown on the next page), then dropped from the client."""
    storage = getattr(response.wsgi_request, "_messages", None)
    texts = [str(message) for message in getattr(storage, "_queued_messages", [])]
    client.cookies.pop("messages", None)
    return texts


def refused(response) -> bool:
    """403, 404, 405, or a redirect to the dashboard ("no permission") or to the login page."""
    if response.status_code in (403, 404, 405):
        return True
    if response.status_code == 302:
        location = response["Location"]
        return location == reverse("wagtailadmin_home") or location.startswith(
            reverse("wagtailadmin_login")
        )
    return False


def probe(census: Census, role: str, route: str, entry: Url, method: str) -> None:
    client = census.members[role]
    url = url_of(route, entry, census.ids)
    query = {name: census.ids.get(key, key) for name, key in entry.query.items()}
    response = getattr(client, method)(url, query) if query else getattr(client, method)(url)
    body = b"".join(response) if response.streaming else response.content
    shown = "\n".join(
        [body.decode(errors="replace"), response.get("Location", ""), *flashed(client, response)]
    )
    where = f"{role} {method.upper()} {url} → {response.status_code}"
    if entry.kind in (OBJECT, OPERATOR) and not entry.harmless and not refused(response):
        census.failures.append(f"{where}: not refused")
    if MARKER in shown.lower():
        census.failures.append(f"{where}: shows the other institution ('Zeta')")
    if entry.kind == LISTING and any(link in shown for link in census.foreign_links):
        census.failures.append(f"{where}: links another institution's object")
    if response.status_code >= 500:
        census.failures.append(f"{where}: server error")


#: Tables a request may write to: the session, the admin's user profile, and the user's own
#: unconfirmed authenticator that the two-step enrolment page prepares.
WRITTEN_BY_ANY_REQUEST = {"sessions.session", "wagtailusers.userprofile", "otp_totp.totpdevice"}


def row_counts() -> dict[str, int]:
    return {
        model._meta.label_lower: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def sweep(census: Census, kind: str) -> list[str]:
    """Probe every URL of ``kind`` as each role; nothing may be written on the way (a view
    that creates a row before checking permission shows up here)."""
    census.failures = []
    entries = [(r, e) for r, e in ADMIN_URLS.items() if e.kind == kind and not e.skip]
    before = row_counts()
    for role in census.members:
        for route, entry in entries:
            probe(census, role, route, entry, "get")
            if entry.post and kind in (OBJECT, OPERATOR):
                probe(census, role, route, entry, "post")
    after = row_counts()
    census.failures += [
        f"{label}: {before[label]} → {after[label]} rows after the {kind} sweep"
        for label in before
        if before[label] != after[label] and label not in WRITTEN_BY_ANY_REQUEST
    ]
    return census.failures


def test_every_object_url_names_an_object_of_the_other_institution(census, db):
    unprobed = [
        route
        for route, entry in ADMIN_URLS.items()
        if entry.kind == OBJECT
        and not any(
            key in census.ids and key not in LITERALS
            for key in (*entry.kwargs.values(), *entry.query.values())
        )
    ]
    assert not unprobed, f"object URLs probed without another institution's object: {unprobed}"


def test_operator_urls_refuse_every_institution_role(census, db):
    failures = sweep(census, OPERATOR)
    assert not failures, "\n".join(failures)


def test_object_urls_refuse_another_institutions_ids(census, db):
    failures = sweep(census, OBJECT)
    assert not failures, "\n".join(failures)


def test_listings_show_nothing_of_another_institution(census, db):
    failures = sweep(census, LISTING)
    assert not failures, "\n".join(failures)


def test_public_urls_are_left_to_the_public_site_tests():
    public = [route for route, entry in ADMIN_URLS.items() if entry.kind == PUBLIC]
    assert all(not route.startswith("admin/") for route in public)
