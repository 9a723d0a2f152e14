"""Who may see and manage channels and syndications (declarations on ``home.permissions``).

* Channels: only the institution admin role of the channel's site (``InstitutionRole.is_admin``)
  may view or manage them; operators (superusers) may everything. Nobody adds one by a form:
  channels are added by connecting an account.
* Syndications and link reports: members of the institution may view them; its admins may
  act on them (retry, share again).
* Rehearsal posts (the *Uji coba* feed): members of the institution may view them; nobody
  changes or deletes them in the admin.
"""

from __future__ import annotations

from home.permissions import ADMIN, MEMBER, InstitutionPermissionPolicy


def register_policies() -> None:
    from wagtail.permissions import register_permission_policy

    from social_publish.models import Channel, LinkReport, SandboxPost, Syndication

    register_permission_policy(
        Channel, InstitutionPermissionPolicy(Channel, view=ADMIN, change=ADMIN, delete=ADMIN)
    )
    register_permission_policy(
        Syndication,
        InstitutionPermissionPolicy(
            Syndication, site_lookup="channel__site", view=MEMBER, change=ADMIN, delete=ADMIN
        ),
    )
    register_permission_policy(
        LinkReport,
        InstitutionPermissionPolicy(LinkReport, view=MEMBER, change=ADMIN, delete=ADMIN),
    )
    register_permission_policy(
        SandboxPost,
        InstitutionPermissionPolicy(SandboxPost, site_lookup="channel__site", view=MEMBER),
    )
