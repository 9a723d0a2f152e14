"""``manage.py create_institution``: provision one institution in one transaction."""

from django.core.management.base import BaseCommand, CommandError

from cms.provisioning import InstitutionSpec, ProvisioningError, provision_institution
from home.models import InstitutionType


class Command(BaseCommand):
    help = "Create (or complete) an institution: site, page tree, media collection, role groups."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="Official name, e.g. 'Kapanewon Bantul'.")
        parser.add_argument("--hostname", required=True, help="e.g. bantul.example.go.id")
        parser.add_argument("--type", required=True, choices=InstitutionType.values)
        parser.add_argument("--short-name", default="")
        parser.add_argument("--region", default="", help="Parent region, e.g. Kabupaten Bantul.")
        parser.add_argument("--time-zone", default="Asia/Jakarta")
        parser.add_argument("--port", type=int, default=80)

    def handle(self, *args, **options):
        spec = InstitutionSpec(
            name=options["name"],
            hostname=options["hostname"],
            institution_type=options["type"],
            short_name=options["short_name"],
            parent_region=options["region"],
            time_zone=options["time_zone"],
            port=options["port"],
        )
        try:
            result = provision_institution(spec)
        except ProvisioningError as error:
            raise CommandError(str(error)) from error
        if not result.changed:
            self.stdout.write(
                f"Instansi '{spec.name}' ({spec.hostname}) sudah lengkap; tidak ada perubahan."
            )
            return
        for change in result.changes:
            self.stdout.write(f"  - {change}")
        self.stdout.write(self.style.SUCCESS(f"Instansi '{spec.name}' siap di {spec.hostname}."))
