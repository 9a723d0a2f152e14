"""The last SOP approval refuses to publish a page whose images lack alt text, and says why,
even when the SOP itself does not list an alt-text requirement (Ketapang's does not)."""

import pytest

from tests.sop_helpers import (
    act,
    as_user,
    create_with_sop,
    current_task,
    draft,
    latest,
    redirect_of,
    save_draft,
    submit,
)

pytestmark = pytest.mark.django_db


def test_final_approval_lists_missing_alt_text_then_publishes_once_fixed(client):
    ketapang = create_with_sop("diskominfo_ketapang")
    penulis, editor, redaktur, webadmin = (
        ketapang.user(key) for key in ("penulis", "editor", "redaktur", "web_administrator")
    )
    page = draft(ketapang, share_image=ketapang.image(title="IMG_0042", description=""))
    submit(as_user(client, penulis), page)
    act(as_user(client, editor), page, "approve")
    act(as_user(client, redaktur), page, "approve")
    saved = save_draft(as_user(client, webadmin), page, share_image_alt="")  # drafts: not gated
    assert saved.status_code == 302

    refused = act(as_user(client, webadmin), page, "approve")
    problems = client.get(redirect_of(refused)).content.decode()

    assert "IMG_0042" in problems
    assert "teks alternatif" in problems
    assert not latest(page).live
    assert current_task(page).step_number == 8
    save_draft(as_user(client, webadmin), page, share_image_alt="Tim peliput di ruang redaksi")
    act(as_user(client, webadmin), page, "approve")
    assert latest(page).live
