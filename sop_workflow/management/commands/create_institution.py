"""``manage.py create_institution``: provision one institution in one transaction."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.models import InstitutionType
from home.models.institution import hierarchy_problem
from home.office_hours import parse_office_hours
from home.onboarding import parse_time_zone
from home.provisioning import (
    DEFAULT_ROLES,
    InstitutionSpec,
    ProvisioningError,
    provision_institution,
)
from sop_workflow.installer import InstallError, install_sop
from sop_workflow.management.commands.install_sop import load_or_fail
from sop_workflow.roles import role_specs


def _parent_id(hostname: str, institution_type: str, own_hostname: str) -> int | None:
    """The parent institution's site id, or ``CommandError`` saying why it cannot be."""
    if not hostname:
        return None
    parent = Site.objects.filter(hostname=hostname).first()
    if parent is None:
        raise CommandError(
            _("No institution has the hostname %(hostname)s.") % {"hostname": hostname}
        )
    own = Site.objects.filter(hostname=own_hostname).values_list("pk", flat=True).first()
    problem = hierarchy_problem(own, institution_type, parent.pk)
    if problem:
        raise CommandError(str(problem))
    return parent.pk


class Command(BaseCommand):
    help = "Create (or complete) an institution: site, page tree, media collection, role groups."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="Official name, e.g. 'Kapanewon Bantul'.")
        parser.add_argument("--hostname", required=True, help="e.g. bantul.example.go.id")
        parser.add_argument("--type", required=True, choices=InstitutionType.values)
        parser.add_argument("--short-name", default="")
        parser.add_argument("--region", default="", help="Parent region, e.g. Kabupaten Bantul.")
        parser.add_argument(
            "--time-zone", default="WIB", help="WIB, WITA or WIT (or Asia/Jakarta, …)."
        )
        parser.add_argument(
            "--office-hours",
            default="",
            help="e.g. 'senin-kamis 07.30-16.00; jumat 07.30-14.30' (default: that).",
        )
        parser.add_argument("--parent", default="", help="The parent institution's hostname.")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument(
            "--sop",
            default="",
            help="SOP definition: a bundled key (e.g. kalurahan_bunder) or a .toml file path.",
        )

    def handle(self, *args, **options):
        roles = DEFAULT_ROLES
        definition = text = None
        if options["sop"]:
            definition, text = load_or_fail(options["sop"])
            roles = role_specs(definition)
        try:
            time_zone = parse_time_zone(options["time_zone"])
            office_hours = (
                parse_office_hours(options["office_hours"]) if options["office_hours"] else None
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        spec = InstitutionSpec(
            roles=roles,
            name=options["name"],
            hostname=options["hostname"],
            institution_type=options["type"],
            short_name=options["short_name"],
            parent_region=options["region"],
            time_zone=time_zone,
            office_hours=office_hours,
            parent_id=_parent_id(options["parent"], options["type"], options["hostname"]),
            port=options["port"],
        )
        try:
            with transaction.atomic():
                result = provision_institution(spec)
                if definition is not None:
                    installed = install_sop(definition, result.site, source_text=text)
                    result.changes.extend(installed.changes)
        except (ProvisioningError, InstallError) as error:
            raise CommandError(str(error)) from error
        if not result.changed:
            self.stdout.write(
                f"Instansi '{spec.name}' ({spec.hostname}) sudah lengkap; tidak ada perubahan."
            )
            return
        for change in result.changes:
            self.stdout.write(f"  - {change}")
        self.stdout.write(self.style.SUCCESS(f"Instansi '{spec.name}' siap di {spec.hostname}."))
