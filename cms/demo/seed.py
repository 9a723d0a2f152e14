"""Load the demo: the five institutions of the SOPs, their role users and realistic news."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.users.models import UserProfile

from cms.demo import content
from cms.demo.activity import bring_to_life
from cms.demo.illustrations import draw_scene
from home.models import (
    ArticleOffer,
    InstitutionRole,
    InstitutionSettings,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from home.models.institution import hierarchy_problem
from home.provisioning import InstitutionSpec, provision_institution, roles_with_oversight
from home.regional.offers import offer_article
from social_publish.connect import connect_sandbox
from sop_workflow.installer import install_sop, read_definition
from sop_workflow.models import Disposition
from sop_workflow.records import dispositions
from sop_workflow.roles import resolve_definition, role_specs
from sop_workflow.timekeeping.reminders import send_due_follow_ups

DEMO_PASSWORD = "demo-sop-2026"
OPERATOR = "operator"


def value(item: Any, name: str, default: Any = None) -> Any:
    """Read a field of a content item, whether it is a dict or a dataclass."""
    if isinstance(item, dict):
        return item.get(name, default)
    return getattr(item, name, default)


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)

    def add(self, message: str) -> None:
        self.created.append(message)


def _user(username: str, *, superuser: bool = False, group=None, tz: str = "Asia/Jakarta"):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    created = user is None
    if created:
        factory = User.objects.create_superuser if superuser else User.objects.create_user
        user = factory(username=username, email=f"{username}@example.go.id", password=DEMO_PASSWORD)
        UserProfile.objects.update_or_create(
            user=user, defaults={"current_time_zone": tz, "preferred_language": "id"}
        )
    if group is not None and not user.groups.filter(pk=group.pk).exists():
        user.groups.add(group)
    return user, created


def _institution(item, report: SeedReport) -> Site:
    definition, definition_text = read_definition(value(item, "sop_key"))
    spec = InstitutionSpec(
        name=value(item, "official_name"),
        hostname=value(item, "hostname"),
        institution_type=value(item, "institution_type"),
        short_name=value(item, "short_name", ""),
        parent_region=value(item, "parent_region", ""),
        time_zone=value(item, "time_zone", "Asia/Jakarta"),
        roles=role_specs(definition),
    )
    result = provision_institution(spec)
    if result.changed:
        report.add(f"instansi {spec.name} ({spec.hostname})")
    if install_sop(definition, result.site, source_text=definition_text).changed:
        report.add(f"SOP {definition.sop.number or definition.key} untuk {spec.name}")
    settings = InstitutionSettings.objects.get(site=result.site)
    settings.address = value(item, "address", settings.address)
    settings.phone = value(item, "phone", settings.phone)
    settings.email = value(item, "email", settings.email)
    settings.brand_colour = value(item, "brand_colour", settings.brand_colour)
    settings.save()
    key = value(item, "key")
    for role in InstitutionRole.objects.filter(site=result.site):
        _, created = _user(f"{key}.{role.key}", group=role.group, tz=spec.time_zone)
        if created:
            report.add(f"pengguna {key}.{role.key}")
    _profile(result.site, item)
    return result.site


def _profile(site: Site, item) -> None:
    profile = StandardPage.objects.child_of(site.root_page).filter(slug="profil").first()
    body = value(item, "profile_body")
    if profile is None or profile.body:
        return
    profile.intro = value(item, "profile_intro", profile.intro)
    if body:
        paragraphs = body if isinstance(body, list | tuple) else [body]
        profile.body = [("paragraph", _as_html(text)) for text in paragraphs]
    profile.save_revision().publish()


def _as_html(text: str) -> str:
    return text if text.lstrip().startswith("<") else f"<p>{text}</p>"


def _image(site_settings: InstitutionSettings, spec, seed: int):
    Image = get_image_model()
    title = value(spec, "title")
    image = Image.objects.filter(title=title, collection=site_settings.collection).first()
    if image:
        return image
    scene = value(spec, "scene", "building")
    image = Image(
        title=title,
        description=value(spec, "description"),
        collection=site_settings.collection,
        file=ImageFile(io.BytesIO(draw_scene(scene, seed)), name=f"demo-{scene}-{seed}.jpg"),
    )
    image.save()
    return image


def _body(blocks, images) -> str:
    stream = []
    for block in blocks:
        kind, data = block[0], block[1]
        if kind == "paragraph":
            stream.append({"type": "paragraph", "value": _as_html(data)})
        elif kind == "heading":
            stream.append({"type": "heading", "value": {"text": data, "level": "h2"}})
        elif kind == "quote":
            stream.append(
                {
                    "type": "quote",
                    "value": {
                        "quote": value(data, "quote"),
                        "attribution": value(data, "attribution", ""),
                    },
                }
            )
    for image in images[1:]:
        stream.insert(
            min(2, len(stream)),
            {
                "type": "image",
                "value": {
                    "image": {
                        "image": image.pk,
                        "alt_text": image.description,
                        "decorative": False,
                    },
                    "caption": image.title,
                    "credit": "",
                },
            },
        )
    return json.dumps(stream)


def _news(item, sites: dict[str, Site], seed: int, report: SeedReport) -> None:
    site = sites[value(item, "institution")]
    index = NewsIndexPage.objects.child_of(site.root_page).first()
    title = value(item, "title")
    if NewsPage.objects.child_of(index).filter(title=title).exists():
        return
    settings = InstitutionSettings.objects.get(site=site)
    image_specs = value(item, "images", []) or []
    images = [_image(settings, spec, seed * 10 + n) for n, spec in enumerate(image_specs)]
    share = next(
        (img for img, spec in zip(images, image_specs, strict=True) if value(spec, "share")),
        images[0] if images else None,
    )
    five_w = value(item, "five_w_one_h", {}) or {}
    published = date.fromisoformat(str(value(item, "date")))
    page = NewsPage(
        title=title,
        date=published,
        lead=value(item, "lead"),
        news_type=value(item, "news_type", "kegiatan"),
        body=_body(
            value(item, "body", []),
            [share, *[i for i in images if i != share]] if share else images,
        ),
        share_image=share,
        share_image_alt=share.description if share else "",
        **{key: five_w.get(key, "") for key in NewsPage.FIVE_W_ONE_H_FIELDS},
    )
    index.add_child(instance=page)
    page.tags.add(*value(item, "tags", []))
    revision = page.save_revision()
    revision.publish()
    moment = timezone.make_aware(datetime.combine(published, time(9, 0)))
    NewsPage.objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)
    report.add(f"berita '{title}'")


@transaction.atomic
def seed_demo() -> SeedReport:
    """Create whatever of the demo is missing; running it again changes nothing."""
    report = SeedReport()
    _, created = _user(OPERATOR, superuser=True)
    if created:
        report.add("operator platform")
    sites = {value(item, "key"): _institution(item, report) for item in content.INSTITUTIONS}
    _hierarchy(sites, report)
    for seed, item in enumerate(content.NEWS):
        _news(item, sites, seed, report)
    for item in content.NEWS:
        if value(item, "offer_below"):
            _offer(item, sites[value(item, "institution")], report)
    for site in sites.values():  # after the news: only what is published from now on is posted
        connect_sandbox(site)  # the rehearsal channel, so publishing in the demo syndicates
    for item in content.DISPOSITIONS:
        _disposition(item, sites[item.institution], report)
    for item in content.INSTITUTIONS:
        key = value(item, "key")
        titles = content.ACTIVITY_TITLES
        for line in bring_to_life(key, sites[key], value(item, "short_name"), titles):
            report.add(line)
    if report.created:
        _follow_ups_and_versions(report)
    return report


def _hierarchy(sites: dict[str, Site], report: SeedReport) -> None:
    """Put each institution below its ``parent`` (as an operator does in the profile)."""
    for item in content.INSTITUTIONS:
        parent_key = value(item, "parent", "")
        if not parent_key:
            continue
        settings = InstitutionSettings.objects.get(site=sites[value(item, "key")])
        parent = sites[parent_key]
        if settings.parent_id == parent.pk:
            continue
        problem = hierarchy_problem(settings.site_id, settings.institution_type, parent.pk)
        if problem:
            raise ValueError(f"{value(item, 'key')}: {problem}")
        settings.parent = parent
        settings.save(update_fields=["parent"])
        report.add(f"{settings.official_name} di bawah {parent.site_name}")


def _offer(item, site: Site, report: SeedReport) -> None:
    """Offer the news item to the institutions below, as its writer would (home.regional)."""
    index = NewsIndexPage.objects.child_of(site.root_page).first()
    page = NewsPage.objects.child_of(index).filter(title=value(item, "title")).first()
    if page is None or ArticleOffer.objects.filter(page=page).exists():
        return
    members = get_user_model().objects.filter(username__startswith=f"{item.institution}.")
    editor = next(
        (
            user
            for user in members.order_by("username")
            if page.permissions_for_user(user).can_edit()
        ),
        None,
    )
    offer_article(page, editor)
    report.add(f"berita '{page.title}' ditawarkan ke instansi di bawah {site.site_name}")


def _follow_ups_and_versions(report: SeedReport) -> None:
    """Record the reminders now due (the real job), and say which versions the worker makes."""
    for reminder in send_due_follow_ups():
        report.add(f"pengingat tahap {reminder.step_label} yang terlambat")
    waiting = NewsPage.objects.live().filter(audio_version__isnull=True).count()
    if waiting:
        report.add(
            f"versi audio dan braille {waiting} berita terbit sedang dibuat oleh worker "
            "(qcluster; make run menjalankannya)"
        )


def _disposition(item, site: Site, report: SeedReport) -> None:
    if Disposition.objects.filter(site=site, activity=item.activity).exists():
        return
    roles = {role.key: role for role in InstitutionRole.objects.filter(site=site)}

    def member(role_key: str):
        return get_user_model().objects.filter(groups=roles[role_key].group).first()

    deadline = timezone.now() + timedelta(days=item.days_to_deadline)
    current = Disposition.objects.create(
        site=site,
        activity=item.activity,
        material=item.material,
        deadline=deadline,
        assignee_role=roles[item.to_role],
        assigned_by=member(item.from_role),
    )
    holder = item.to_role
    for role_key in item.then_to:  # passed on through the real step, as its assignee would
        forward = Disposition(activity=item.activity, material=item.material, deadline=deadline)
        forward.assignee_role = roles[role_key]
        current = dispositions.pass_on(current, forward, member(holder))
        holder = role_key
    if item.drafted:
        dispositions.write_draft(current, member(holder))
    report.add(f"disposisi '{item.activity}'")


def demo_usernames() -> list[str]:
    usernames = [OPERATOR]
    for item in content.INSTITUTIONS:
        definition = resolve_definition(value(item, "sop_key"))
        spec = InstitutionSpec(
            name=value(item, "official_name"),
            hostname=value(item, "hostname"),
            institution_type=value(item, "institution_type"),
            roles=role_specs(definition),
        )
        usernames += [f"{value(item, 'key')}.{role.key}" for role in roles_with_oversight(spec)]
    return usernames
