"""Create or update institutions from a sheet (CSV or XLSX): ``manage.py import_institutions``.

One row is one institution, keyed by its hostname. Every column of a row is checked before
anything is written; a row with any problem is refused whole, naming each column. A valid row
is written in its own transaction (provisioning, profile, SOP, administrator), so a refused or
failing row never leaves half an institution and never undoes the rows before it. Running the
same sheet again finds every row unchanged and writes nothing. The administrator of a new
institution is invited by e-mail after the row is committed.

Each row costs a constant number of queries however many institutions exist: every look-up is
by hostname or primary key, never a scan of all sites.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.models import InstitutionSettings, InstitutionType
from home.models.institution import hierarchy_problem
from home.office_hours import parse_office_hours
from home.onboarding import add_administrator, parse_time_zone, send_admin_invitation
from home.provisioning import (
    DEFAULT_ROLES,
    InstitutionSpec,
    ProvisioningError,
    provision_institution,
)
from sop_workflow.definition import DefinitionError
from sop_workflow.installer import InstallError, install_sop, read_definition
from sop_workflow.roles import role_specs

#: Column key → the headers that name it (lower case; spaces, dashes and dots become "_").
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "nama", "nama_instansi"),
    "type": ("type", "jenis", "jenis_instansi"),
    "hostname": ("hostname", "host", "nama_host"),
    "parent": ("parent", "induk", "instansi_induk"),
    "sop": ("sop", "sop_key", "sop_file", "kunci_sop"),
    "admin_email": ("admin_email", "administrator_e_mail", "administrator_email", "email_admin"),
    "office_hours": ("office_hours", "jam_kerja", "jam_layanan"),
    "time_zone": ("time_zone", "zona_waktu"),
}
REQUIRED_COLUMNS = ("name", "type", "hostname")
_LABEL = r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
HOSTNAME_RE = re.compile(rf"^(?=.{{1,253}}$){_LABEL}(\.{_LABEL})*$")
CREATED, CHANGED, UNCHANGED, REFUSED = "created", "changed", "unchanged", "refused"


class SheetError(ValueError):
    """The sheet cannot be read at all (file, format or header); nothing was written."""


@dataclass
class Sheet:
    labels: dict[str, str]  # column key → the header as written in the sheet
    rows: list[tuple[int, dict[str, str]]]  # (row number as the spreadsheet shows it, values)


@dataclass
class RowOutcome:
    number: int
    hostname: str
    status: str = UNCHANGED
    changes: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (column label, message)
    notes: list[str] = field(default_factory=list)


@dataclass
class RowPlan:
    """A checked row: what the institution should be."""

    name: str
    institution_type: str
    hostname: str
    site: Site | None
    profile: InstitutionSettings | None
    parent: Site | None = None
    definition: object | None = None
    definition_text: str = ""
    admin_email: str = ""
    office_hours: dict | None = None
    time_zone: str = ""


def _header_key(header: str) -> str | None:
    normal = re.sub(r"[\s\-.]+", "_", header.strip().lower())
    return next((key for key, names in COLUMNS.items() if normal in names), None)


def _cell(value) -> str:
    return "" if value is None else str(value).strip()


def _csv_rows(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8-sig")
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [list(row) for row in csv.reader(text.splitlines(), dialect)]


def _xlsx_rows(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_sheet(path: str | Path) -> Sheet:
    """The sheet's rows by column key. Raises ``SheetError`` (Indonesian) when unreadable."""
    path = Path(path)
    if not path.is_file():
        raise SheetError(_("The file “%(path)s” does not exist.") % {"path": path})
    try:
        raw = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
    except (UnicodeDecodeError, csv.Error, OSError, ValueError, KeyError) as error:
        raise SheetError(
            _("The file “%(path)s” cannot be read as CSV (UTF-8) or XLSX: %(error)s")
            % {"path": path, "error": error}
        ) from error
    if not raw:
        raise SheetError(_("The sheet is empty; the first row must name the columns."))
    labels: dict[str, str] = {}
    positions: dict[str, int] = {}
    for position, header in enumerate(raw[0]):
        key = _header_key(_cell(header))
        if key and key not in positions:
            labels[key], positions[key] = _cell(header), position
    missing = [key for key in REQUIRED_COLUMNS if key not in positions]
    if missing:
        raise SheetError(
            _("The sheet has no column %(columns)s; the first row must name the columns.")
            % {"columns": ", ".join(missing)}
        )
    rows = []
    for number, cells in enumerate(raw[1:], start=2):
        values = {
            key: _cell(cells[position]) if position < len(cells) else ""
            for key, position in positions.items()
        }
        if any(values.values()):
            rows.append((number, values))
    return Sheet(labels=labels, rows=rows)


class InstitutionImporter:
    """Imports the rows of one sheet in order (a parent may be a row above its children)."""

    def __init__(self, sheet: Sheet, *, resend_invitations: bool = False):
        self.sheet = sheet
        self.resend_invitations = resend_invitations
        self.rows_by_hostname: dict[str, RowOutcome] = {}
        self.sheet_hostnames = {values.get("hostname", "").lower(): n for n, values in sheet.rows}
        self.definitions: dict[str, tuple] = {}

    def label(self, key: str) -> str:
        return self.sheet.labels.get(key, key)

    def run(self) -> list[RowOutcome]:
        return [self.import_row(number, values) for number, values in self.sheet.rows]

    def import_row(self, number: int, values: dict[str, str]) -> RowOutcome:
        outcome = RowOutcome(number=number, hostname=values.get("hostname", "").lower())
        plan = self._plan(values, outcome)
        if outcome.hostname and outcome.hostname not in self.rows_by_hostname:
            self.rows_by_hostname[outcome.hostname] = outcome
        if outcome.problems:
            outcome.status = REFUSED
            return outcome
        try:
            with transaction.atomic():
                invite = self._apply(plan, outcome)
        except (ProvisioningError, InstallError) as error:
            outcome.status, outcome.changes = REFUSED, []
            outcome.problems.append((self.label("hostname"), str(error)))
            return outcome
        if invite is not None:
            self._invite(*invite, outcome)
        return outcome

    # ------------------------------------------------------------------ checking a row

    def _problem(self, outcome: RowOutcome, key: str, message: str) -> None:
        outcome.problems.append((self.label(key), message))

    def _plan(self, values: dict[str, str], outcome: RowOutcome) -> RowPlan | None:
        name, kind, hostname = (
            values.get("name", ""),
            values.get("type", "").lower(),
            outcome.hostname,
        )
        if not name:
            self._problem(outcome, "name", _("The name is empty."))
        if kind not in InstitutionType.values:
            self._problem(
                outcome,
                "type",
                _("Unknown institution type “%(value)s”; use one of: %(types)s.")
                % {"value": values.get("type", ""), "types": ", ".join(InstitutionType.values)},
            )
        site = profile = None
        if not HOSTNAME_RE.match(hostname):
            self._problem(
                outcome,
                "hostname",
                _("“%(value)s” is not a hostname; write for example bunder.gunungkidulkab.go.id.")
                % {"value": values.get("hostname", "")},
            )
        elif hostname in self.rows_by_hostname:
            self._problem(
                outcome,
                "hostname",
                _("The hostname %(hostname)s is already used by row %(row)d of this sheet.")
                % {"hostname": hostname, "row": self.rows_by_hostname[hostname].number},
            )
        else:
            site = Site.objects.filter(hostname=hostname, port=80).first()
            profile = InstitutionSettings.objects.filter(site=site).first() if site else None
        plan = RowPlan(name, kind, hostname, site, profile)
        self._check_parent(values.get("parent", "").lower(), plan, outcome)
        self._check_sop(values.get("sop", ""), plan, outcome)
        self._check_admin(values.get("admin_email", ""), plan, outcome)
        self._check_hours(values, plan, outcome)
        return plan

    def _check_parent(self, hostname: str, plan: RowPlan, outcome: RowOutcome) -> None:
        if not hostname:
            return
        parent = Site.objects.filter(hostname=hostname).first()
        if parent is None:
            earlier = self.rows_by_hostname.get(hostname)
            later = self.sheet_hostnames.get(hostname)
            if earlier is not None:
                message = _("The parent %(hostname)s (row %(row)d) was refused; fix that row.")
                row = earlier.number
            elif later is not None:
                message = _(
                    "The parent %(hostname)s comes later in the sheet (row %(row)d); put the "
                    "parent above its children."
                )
                row = later
            else:
                message, row = _("No institution has the hostname %(hostname)s."), 0
            self._problem(outcome, "parent", message % {"hostname": hostname, "row": row})
            return
        if plan.institution_type in InstitutionType.values:
            site_id = plan.site.pk if plan.site else None
            problem = hierarchy_problem(site_id, plan.institution_type, parent.pk)
            if problem:
                self._problem(outcome, "parent", str(problem))
                return
        plan.parent = parent

    def _check_sop(self, key_or_path: str, plan: RowPlan, outcome: RowOutcome) -> None:
        if not key_or_path:
            return
        if key_or_path not in self.definitions:
            try:
                self.definitions[key_or_path] = read_definition(key_or_path)
            except DefinitionError as error:
                self.definitions[key_or_path] = (
                    None,
                    _("The SOP definition is refused: %(error)s") % {"error": error},
                )
            except (FileNotFoundError, IsADirectoryError):
                self.definitions[key_or_path] = (
                    None,
                    _("No bundled SOP or file is named “%(value)s”.") % {"value": key_or_path},
                )
        definition, text = self.definitions[key_or_path]
        if definition is None:
            self._problem(outcome, "sop", text)
            return
        plan.definition, plan.definition_text = definition, text

    def _check_admin(self, email: str, plan: RowPlan, outcome: RowOutcome) -> None:
        if not email:
            if plan.site is None:
                self._problem(
                    outcome, "admin_email", _("A new institution needs its administrator's e-mail.")
                )
            return
        try:
            validate_email(email)
        except ValidationError:
            self._problem(
                outcome,
                "admin_email",
                _("“%(value)s” is not an e-mail address.") % {"value": email},
            )
            return
        plan.admin_email = email

    def _check_hours(self, values: dict[str, str], plan: RowPlan, outcome: RowOutcome) -> None:
        if values.get("office_hours"):
            try:
                plan.office_hours = parse_office_hours(values["office_hours"])
            except ValueError as error:
                self._problem(outcome, "office_hours", str(error))
        if values.get("time_zone"):
            try:
                plan.time_zone = parse_time_zone(values["time_zone"])
            except ValueError as error:
                self._problem(outcome, "time_zone", str(error))

    # ------------------------------------------------------------------ writing a row

    def _apply(self, plan: RowPlan, outcome: RowOutcome):
        """Write the row; the administrator to invite and the site (or ``None``)."""
        created = plan.site is None
        if created or plan.definition is not None:
            roles = role_specs(plan.definition) if plan.definition is not None else DEFAULT_ROLES
            spec = InstitutionSpec(
                name=plan.name,
                hostname=plan.hostname,
                institution_type=plan.institution_type,
                roles=roles,
                time_zone=plan.time_zone or "Asia/Jakarta",
            )
            result = provision_institution(spec)
            plan.site = result.site
            if not created:
                outcome.changes.extend(result.changes)
        profile = plan.profile or InstitutionSettings.objects.get(site=plan.site)
        self._update_profile(plan, profile, outcome, created)
        if plan.definition is not None:
            installed = install_sop(plan.definition, plan.site, source_text=plan.definition_text)
            outcome.changes.extend(installed.changes if not created else [])
        invite = None
        if plan.admin_email:
            user, changed = add_administrator(plan.site, plan.admin_email)
            if changed and not created:
                outcome.changes.append(
                    _("%(email)s is an administrator") % {"email": plan.admin_email}
                )
            if (changed or self.resend_invitations) and not user.has_usable_password():
                invite = (user, plan.site)
            elif changed:
                outcome.notes.append(
                    _(
                        "%(email)s already has an account: no invitation, they sign in with "
                        "their own password."
                    )
                    % {"email": plan.admin_email}
                )
        outcome.status = CREATED if created else (CHANGED if outcome.changes else UNCHANGED)
        return invite

    def _update_profile(self, plan, profile, outcome: RowOutcome, created: bool) -> None:
        wanted = {
            "official_name": plan.name,
            "institution_type": plan.institution_type,
            "parent_id": plan.parent.pk if plan.parent else profile.parent_id,
            "time_zone": plan.time_zone or profile.time_zone,
            "office_hours": plan.office_hours or profile.office_hours,
        }
        labels = {
            "official_name": self.label("name"),
            "institution_type": self.label("type"),
            "parent_id": self.label("parent"),
            "time_zone": self.label("time_zone"),
            "office_hours": self.label("office_hours"),
        }
        changed = [name for name, value in wanted.items() if getattr(profile, name) != value]
        if not changed:
            return
        for name in changed:
            setattr(profile, name, wanted[name])
            if not created:
                outcome.changes.append(_("%(column)s changed") % {"column": labels[name]})
        profile.save(update_fields=[name.removesuffix("_id") for name in changed])
        if "official_name" in changed and plan.site.site_name != plan.name:
            plan.site.site_name = plan.name
            plan.site.save(update_fields=["site_name"])

    def _invite(self, user, site: Site, outcome: RowOutcome) -> None:
        try:
            send_admin_invitation(user, site)
        except Exception as error:  # noqa: BLE001 - the row is saved; say why no e-mail went
            outcome.notes.append(
                _(
                    "The invitation to %(email)s could not be sent (%(error)s); the institution "
                    "is saved. Fix the mail server, then run the import again with "
                    "--resend-invitations."
                )
                % {"email": user.email, "error": error}
            )
            return
        outcome.notes.append(_("Invitation sent to %(email)s.") % {"email": user.email})
