"""Provision an institution: site, page tree, collection, role groups, permissions, settings.

One function, one transaction, idempotent: running it again with the same input changes
nothing and says so. It spans apps (home today, sop_workflow through ``--sop``), which is why it
lives in the project package.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
)

from home.models import (
    HomePage,
    InstitutionRole,
    InstitutionSettings,
    InstitutionType,
    NewsIndexPage,
    StandardPage,
)
from home.vocabulary import Tier, institution_kind

AUTHOR_PAGE_PERMISSIONS = ("add_page", "change_page")
PUBLISHER_PAGE_PERMISSIONS = (*AUTHOR_PAGE_PERMISSIONS, "publish_page")
GRANTED_PAGE_PERMISSIONS = PUBLISHER_PAGE_PERMISSIONS  # what a role spec may take back
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


@dataclass(frozen=True)
class RoleSpec:
    """One role of an institution; ``can_publish`` roles may make pages live directly.

    ``is_admin`` adds page locking and the institution profile; it does not imply publishing.
    ``can_add`` lets the role create pages and edit its own (Wagtail's ``add_page``);
    ``can_change`` lets it edit every page of the institution (``change_page``).
    """

    key: str
    name: str
    can_publish: bool = False
    is_admin: bool = False
    is_leadership: bool = False
    is_oversight: bool = False  # reads the roll-up of the institutions below; edits nothing
    can_add: bool = True
    can_change: bool = True


DEFAULT_ROLES = (
    RoleSpec("penulis", "Penulis", can_publish=False),
    RoleSpec("penyetuju", "Penyetuju", can_publish=True, is_leadership=True),
    RoleSpec("admin", "Admin Instansi", can_publish=True, is_admin=True, is_leadership=True),
)
ADMIN_ROLE = DEFAULT_ROLES[-1]
#: Given to every region (provinsi, kabupaten/kota, kecamatan/kapanewon …): the people who
#: oversee the institutions below it. No page or media permission on its own institution.
OVERSIGHT_ROLE = RoleSpec("pengawas", "Pengawas Wilayah", is_oversight=True)


def roles_with_oversight(spec: InstitutionSpec) -> tuple[RoleSpec, ...]:
    """The spec's roles, with the oversight role added for a region that has none."""
    regional = institution_kind(spec.institution_type).tier < Tier.VILLAGE
    has_one = any(role.is_oversight or role.key == OVERSIGHT_ROLE.key for role in spec.roles)
    if not regional or has_one:
        return spec.roles
    return (*spec.roles, OVERSIGHT_ROLE)


@dataclass
class InstitutionSpec:
    name: str
    hostname: str
    institution_type: str
    roles: tuple[RoleSpec, ...] = DEFAULT_ROLES
    short_name: str = ""
    parent_region: str = ""
    time_zone: str = "Asia/Jakarta"
    port: int = 80
    office_hours: dict[str, list[str]] | None = None  # None: the platform default
    parent_id: int | None = None  # the parent institution's site


@dataclass
class ProvisionResult:
    site: Site
    changes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)


class ProvisioningError(ValueError):
    """The institution cannot be provisioned as asked; nothing was written."""


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _validate(spec: InstitutionSpec) -> None:
    if spec.institution_type not in InstitutionType.values:
        raise ProvisioningError(
            f"Jenis instansi '{spec.institution_type}' tidak dikenal. "
            f"Pilih salah satu: {', '.join(InstitutionType.values)}."
        )
    if not spec.hostname or "/" in spec.hostname or " " in spec.hostname:
        raise ProvisioningError(f"Nama host '{spec.hostname}' tidak valid.")
    keys = [role.key for role in spec.roles]
    if len(keys) != len(set(keys)):
        raise ProvisioningError("Kunci peran (role key) harus unik.")


def _ensure_home(spec: InstitutionSpec, result: ProvisionResult) -> HomePage:
    site = Site.objects.filter(hostname=spec.hostname, port=spec.port).first()
    if site is not None:
        root = site.root_page.specific
        if not isinstance(root, HomePage):
            raise ProvisioningError(
                f"Host '{spec.hostname}' sudah dipakai situs lain yang bukan situs instansi."
            )
        result.site = site
        return root
    tree_root = Page.get_first_root_node()
    slug = slugify(spec.hostname.split(".")[0]) or "instansi"
    if tree_root.get_children().filter(slug=slug).exists():
        slug = slugify(spec.hostname.replace(".", "-"))
    home = tree_root.add_child(instance=HomePage(title=spec.name, slug=slug))
    home.save_revision().publish()
    result.site = Site.objects.create(
        hostname=spec.hostname, port=spec.port, root_page=home, site_name=spec.name
    )
    result.changes.append(f"situs {spec.hostname} dan halaman beranda dibuat")
    return home


def _ensure_sections(home: HomePage, result: ProvisionResult) -> None:
    if not NewsIndexPage.objects.child_of(home).exists():
        news = home.add_child(
            instance=NewsIndexPage(title="Berita", slug="berita", show_in_menus=True)
        )
        news.save_revision().publish()
        result.changes.append("indeks berita dibuat")
    if not StandardPage.objects.child_of(home).filter(slug="profil").exists():
        profile = home.add_child(
            instance=StandardPage(
                title="Profil",
                slug="profil",
                show_in_menus=True,
                intro="Profil, visi dan misi, serta struktur organisasi.",
            )
        )
        profile.save_revision().publish()
        result.changes.append("halaman profil dibuat")


def _ensure_collection(spec: InstitutionSpec, settings: InstitutionSettings, result) -> Collection:
    if settings.collection_id:
        return settings.collection
    collection = Collection.get_first_root_node().add_child(name=spec.name)
    settings.collection = collection
    settings.save(update_fields=["collection"])
    result.changes.append(f"koleksi media '{spec.name}' dibuat")
    return collection


def _ensure_settings(spec: InstitutionSpec, site: Site, result) -> InstitutionSettings:
    settings, created = InstitutionSettings.objects.get_or_create(
        site=site,
        defaults={
            "official_name": spec.name,
            "short_name": spec.short_name,
            "institution_type": spec.institution_type,
            "parent_region": spec.parent_region,
            "time_zone": spec.time_zone,
            "parent_id": spec.parent_id,
            **({"office_hours": spec.office_hours} if spec.office_hours else {}),
        },
    )
    if created:
        result.changes.append("profil instansi dibuat")
    return settings


def _grant(group: Group, permissions, result: ProvisionResult, label: str) -> None:
    added = [perm for perm in permissions if not group.permissions.filter(pk=perm.pk).exists()]
    if added:
        group.permissions.add(*added)
        result.changes.append(f"izin {label} diberikan kepada grup '{group.name}'")


def _page_codenames(role: RoleSpec) -> tuple[str, ...]:
    wanted = {"add_page": role.can_add, "change_page": role.can_change}
    wanted["publish_page"] = role.can_publish
    codenames = tuple(name for name in GRANTED_PAGE_PERMISSIONS if wanted[name])
    if role.is_admin:
        codenames = (*codenames, "lock_page", "unlock_page")
    return codenames


def _ensure_page_permissions(group: Group, role: RoleSpec, home, result) -> None:
    """Grant the role's page permissions; take back those the spec no longer gives.

    An institution whose SOP is installed publishes only through the SOP's workflow, and only
    the SOP's drafting and submitting roles add or change pages, so a re-install must remove
    what a role was given before.
    """
    codenames = _page_codenames(role)
    for codename in codenames:
        _, created = GroupPagePermission.objects.get_or_create(
            group=group, page=home, permission=_permission("wagtailcore", codename)
        )
        if created:
            result.changes.append(f"izin halaman '{codename}' untuk '{group.name}'")
    for codename in GRANTED_PAGE_PERMISSIONS:
        if codename in codenames:
            continue
        granted = GroupPagePermission.objects.filter(
            group=group, page=home, permission=_permission("wagtailcore", codename)
        )
        if granted.exists():  # read first: a re-run writes nothing
            granted.delete()
            result.changes.append(f"izin halaman '{codename}' dicabut dari '{group.name}'")


def _follow_spec(institution_role: InstitutionRole, spec, role: RoleSpec, result) -> None:
    """An existing role takes the name and leadership the spec (e.g. a new SOP) gives it; the
    administrator flag is only ever added, never silently taken away."""
    wanted = (role.name, role.is_leadership, institution_role.is_admin or role.is_admin)
    current = (institution_role.name, institution_role.is_leadership, institution_role.is_admin)
    if wanted == current:
        return
    institution_role.name, institution_role.is_leadership, institution_role.is_admin = wanted
    institution_role.save(update_fields=["name", "is_leadership", "is_admin"])
    group_name = f"{spec.name}: {role.name}"[:150]
    if not Group.objects.filter(name=group_name).exclude(pk=institution_role.group_id).exists():
        Group.objects.filter(pk=institution_role.group_id).update(name=group_name)
    result.changes.append(f"peran '{role.name}' diperbarui")


def _group_name(spec: InstitutionSpec, role: RoleSpec) -> str:
    """``Institution: Role``; with the hostname when another institution of the same name
    (two *Kalurahan Sumberagung* in two kabupaten) already holds that group."""
    name = f"{spec.name}: {role.name}"[:150]
    if Group.objects.filter(name=name, institution_role__isnull=False).exists():
        name = f"{spec.name} ({spec.hostname}): {role.name}"[:150]
    return name


def _ensure_role(spec, role: RoleSpec, home, collection, site, result) -> Group:
    existing = InstitutionRole.objects.filter(site=site, key=role.key).select_related("group")
    institution_role = existing.first()
    if institution_role is None:
        group, _ = Group.objects.get_or_create(name=_group_name(spec, role))
        institution_role = InstitutionRole.objects.create(
            site=site,
            group=group,
            key=role.key,
            name=role.name,
            is_admin=role.is_admin,
            is_leadership=role.is_leadership,
            is_oversight=role.is_oversight,
        )
        result.changes.append(f"peran '{role.name}' dibuat")
    else:
        _follow_spec(institution_role, spec, role, result)
    group = institution_role.group
    _grant(group, [_permission("wagtailadmin", "access_admin")], result, "akses admin")
    if role.is_oversight:
        return group  # reads the roll-up only: no page or media permission anywhere

    _ensure_page_permissions(group, role, home, result)
    for app_label, codename in COLLECTION_PERMISSIONS:
        _, created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )
        if created:
            result.changes.append(f"izin koleksi '{codename}' untuk '{group.name}'")
    if role.is_admin:
        settings_ct = ContentType.objects.get_for_model(InstitutionSettings)
        _, created = GroupSitePermission.objects.get_or_create(
            group=group,
            site=site,
            permission=Permission.objects.get(
                content_type=settings_ct, codename="change_institutionsettings"
            ),
        )
        if created:
            result.changes.append(f"izin ubah profil instansi untuk '{group.name}'")
    return group


@transaction.atomic
def provision_institution(spec: InstitutionSpec) -> ProvisionResult:
    """Create or complete an institution. Raises ``ProvisioningError`` before writing anything."""
    _validate(spec)
    result = ProvisionResult(site=None)  # type: ignore[arg-type]
    home = _ensure_home(spec, result)
    _ensure_sections(home, result)
    settings = _ensure_settings(spec, result.site, result)
    collection = _ensure_collection(spec, settings, result)
    for role in roles_with_oversight(spec):
        _ensure_role(spec, role, home, collection, result.site, result)
    return result
