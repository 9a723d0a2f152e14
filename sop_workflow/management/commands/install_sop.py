"""``manage.py install_sop <key-or-path> --site <hostname>``: install an SOP on an institution."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from sop_workflow.definition import DefinitionError
from sop_workflow.installer import InstallError, install_sop, read_definition


def load_or_fail(key_or_path: str):
    """The definition and its text, or a ``CommandError`` listing every problem."""
    try:
        return read_definition(key_or_path)
    except DefinitionError as error:
        raise CommandError(f"Definisi SOP ditolak; tidak ada yang dipasang.\n{error}") from error
    except (FileNotFoundError, IsADirectoryError) as error:
        raise CommandError(f"Definisi SOP '{key_or_path}' tidak ditemukan.") from error


def report(command: BaseCommand, result, hostname: str) -> None:
    installed = result.installed
    if not result.changed:
        command.stdout.write(
            f"SOP '{installed.title}' versi {installed.version} sudah terpasang di {hostname}; "
            "tidak ada perubahan."
        )
        return
    for change in result.changes:
        command.stdout.write(f"  - {change}")
    command.stdout.write(
        command.style.SUCCESS(
            f"SOP '{installed.title}' versi {installed.version} terpasang di {hostname}."
        )
    )


class Command(BaseCommand):
    help = "Install an SOP definition on an institution's site: roles, workflow and tasks."

    def add_arguments(self, parser):
        parser.add_argument("definition", help="A bundled key (e.g. kalurahan_bunder) or a path.")
        parser.add_argument("--site", required=True, help="The institution's hostname.")
        parser.add_argument("--port", type=int, default=None)

    def handle(self, *args, **options):
        definition, text = load_or_fail(options["definition"])
        sites = Site.objects.filter(hostname=options["site"])
        if options["port"] is not None:
            sites = sites.filter(port=options["port"])
        site = sites.first()
        if site is None:
            raise CommandError(f"Situs '{options['site']}' tidak ditemukan.")
        try:
            result = install_sop(definition, site, source_text=text)
        except InstallError as error:
            raise CommandError(str(error)) from error
        report(self, result, site.hostname)
