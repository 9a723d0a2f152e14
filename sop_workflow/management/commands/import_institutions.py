"""``manage.py import_institutions FILE``: create or update institutions from a CSV/XLSX sheet.

Columns (first row; English or Indonesian headers): name, type, hostname, parent (the parent's
hostname), sop (bundled key or file), admin_email, office_hours, time_zone (WIB/WITA/WIT).
See :mod:`sop_workflow.institution_import`.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sop_workflow.institution_import import (
    CHANGED,
    CREATED,
    REFUSED,
    UNCHANGED,
    InstitutionImporter,
    RowOutcome,
    SheetError,
    read_sheet,
)


class Command(BaseCommand):
    help = "Create or update institutions from a CSV or XLSX sheet, one transaction per row."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="A .csv (UTF-8) or .xlsx file; the first row names columns."
        )
        parser.add_argument(
            "--resend-invitations",
            action="store_true",
            help="E-mail the invitation again to administrators who have not set a password yet.",
        )

    def handle(self, *args, **options):
        try:
            sheet = read_sheet(options["file"])
        except SheetError as error:
            raise CommandError(str(error)) from error
        importer = InstitutionImporter(sheet, resend_invitations=options["resend_invitations"])
        outcomes = importer.run()
        for outcome in outcomes:
            self._report(outcome)
        counts = {status: 0 for status in (CREATED, CHANGED, UNCHANGED, REFUSED)}
        for outcome in outcomes:
            counts[outcome.status] += 1
        summary = (
            _(
                "Summary: %(created)d created, %(changed)d changed, %(unchanged)d unchanged, "
                "%(refused)d refused."
            )
            % counts
        )
        style = self.style.WARNING if counts[REFUSED] else self.style.SUCCESS
        self.stdout.write(style(summary))

    def _report(self, outcome: RowOutcome) -> None:
        words = {
            CREATED: _("created"),
            CHANGED: _("changed"),
            UNCHANGED: _("unchanged"),
            REFUSED: _("refused"),
        }
        self.stdout.write(
            _("Row %(row)d (%(hostname)s): %(status)s")
            % {
                "row": outcome.number,
                "hostname": outcome.hostname or "-",
                "status": words[outcome.status],
            }
        )
        for column, message in outcome.problems:
            self.stdout.write(
                "  - "
                + _("column “%(column)s”: %(message)s") % {"column": column, "message": message}
            )
        for change in outcome.changes:
            self.stdout.write(f"  - {change}")
        for note in outcome.notes:
            self.stdout.write(f"  - {note}")
