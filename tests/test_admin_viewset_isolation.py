"""Every admin viewset of an institution's records keeps each of its views to the institution.

Not only the listing: inspect, edit, delete, history and usage take a row's id in the URL, and
another institution's id must answer 404 or 403 without showing anything of the row.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from home.models import InstitutionRole
from social_publish.connect import connect_sandbox
from social_publish.models import Channel, SandboxPost, Syndication
from sop_workflow.models import Disposition, IntakeRegisterEntry

pytestmark = pytest.mark.django_db


def channel(inst, name: str) -> Channel:
    return Channel.objects.create(
        site=inst.site, kind="facebook", name=f"Saluran rahasia {name}", account_id=f"fb-{name}"
    )


def syndication(inst, name: str) -> Syndication:
    page = inst.news(f"Kabar rahasia {name}")
    return Syndication.objects.create(
        page=page, channel=channel(inst, name), requested_by=inst.user("penulis")
    )


def sandbox_post(inst, name: str) -> SandboxPost:
    page = inst.news(f"Kabar rahasia {name}", publish=False)
    return SandboxPost.objects.create(
        channel=connect_sandbox(inst.site),
        page=page,
        key=f"uji-{name}",
        url=page.get_full_url() or "http://x.localhost/",
        title=f"Unggahan rahasia {name}",
        message=f"Pesan rahasia {name}",
    )


def disposition(inst, name: str) -> Disposition:
    return Disposition.objects.create(
        site=inst.site,
        activity=f"Liputan rahasia {name}",
        material=f"Bahan rahasia {name}",
        deadline=timezone.now() + timedelta(days=1),
        assignee_role=InstitutionRole.objects.get(site=inst.site, key="penulis"),
        assigned_by=inst.user("penyetuju"),
    )


def intake_entry(inst, name: str) -> IntakeRegisterEntry:
    page = inst.news(f"Kabar rahasia {name}", publish=False)
    number = 437 if name == "Bunder" else 12
    return IntakeRegisterEntry.objects.create(
        site=inst.site,
        year=2025,
        number=number,
        page=page,
        title=f"Agenda rahasia {name}",
        registered_at=timezone.now(),
        registered_by=inst.user("penulis"),
    )


def refused(response) -> bool:
    """404, 403, or the admin's "no permission" (Wagtail redirects a PermissionDenied home)."""
    home = reverse("wagtailadmin_home")
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"] == home
    )


ALL_OBJECT_VIEWS = ("inspect", "edit", "delete", "history", "history_results", "usage")

# viewset URL namespace, how a row of an institution is made, the object views it registers
VIEWSETS = [
    ("social_publish_channels", channel, ALL_OBJECT_VIEWS),
    ("social_publish_syndications", syndication, ("inspect",)),
    ("social_publish_sandbox", sandbox_post, ("post",)),  # the rehearsal feed's permalinks
    ("sop_workflow_dispositions", disposition, ALL_OBJECT_VIEWS),
    ("sop_workflow_intake_register", intake_entry, ALL_OBJECT_VIEWS),
]


@pytest.mark.parametrize(
    ("namespace", "make", "views"), VIEWSETS, ids=[case[0] for case in VIEWSETS]
)
def test_no_view_of_a_viewset_opens_another_institutions_row(
    client, bantul, bunder, django_user_model, namespace, make, views
):
    make(bantul, "Bantul")
    foreign = make(bunder, "Bunder")
    secrets = ("rahasia Bunder", str(foreign))
    # the institution's admin: admin and leadership role, so the model-level checks pass
    client.force_login(bantul.user("admin"))

    listing = client.get(reverse(f"{namespace}:index"))
    assert listing.status_code == 200
    assert "rahasia Bantul" in listing.content.decode()
    assert "rahasia Bunder" not in listing.content.decode()
    for view in views:
        response = client.get(reverse(f"{namespace}:{view}", args=[foreign.pk]))
        body = response.content.decode()
        assert refused(response), (view, response.status_code)
        assert not any(secret in body for secret in secrets), view

    # An operator does see the same row: it exists and the admin shows its name.
    client.force_login(django_user_model.objects.create_superuser("operator", "op@x.id", "x"))
    operator_listing = client.get(reverse(f"{namespace}:index"))
    assert operator_listing.status_code == 200
    assert "rahasia Bunder" in operator_listing.content.decode()


def test_history_of_own_rows_stays_open_to_those_who_may_act_on_them(client, bantul):
    own = channel(bantul, "Bantul")
    client.force_login(bantul.user("admin"))

    history = client.get(reverse("social_publish_channels:history", args=[own.pk]))

    assert history.status_code == 200
    assert "Saluran rahasia Bantul" in history.content.decode()
