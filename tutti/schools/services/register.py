"""The national schools register's one write: importing a GIAS establishment extract."""

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from tutti.core.bulk_insert import insert_rows
from tutti.network.importing.problems import ImportRejectedError, Problem
from tutti.network.models import HubArea, LocalAuthority
from tutti.schools.gias.parsing import AuthorityLookup, SchoolRecord, parse_extract
from tutti.schools.gias.reading import decode_extract, parse_csv_text, read_extract
from tutti.schools.models import School

BATCH_SIZE = 1000
# The School fields an extract sets; everything else (ids, timestamps) is the platform's own.
IMPORTED_FIELDS = (
    "name",
    "establishment_type",
    "type_group",
    "phase",
    "statutory_low_age",
    "statutory_high_age",
    "local_authority_id",
    "number_of_pupils",
    "percent_fsm",
    "postcode",
    "website",
    "status",
    "opened_on",
    "closed_on",
    "latitude",
    "longitude",
    "state_funded",
)


@dataclass
class RegisterImportResult:
    """What an import changed. ``closed`` counts schools that became closed (by the file, or by being missing
    from a full extract); they are not counted again as updated."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    closed: int = 0
    closed_urns: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.closed)

    def report_lines(self) -> list[str]:
        counts = f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, {self.closed} closed"
        lines = [f"Schools: {counts}."]
        if not self.changed:
            lines.append("Nothing changed: this extract was already imported.")
        return lines


def authority_lookup() -> AuthorityLookup:
    """Every local authority's id by ONS code and by DfE number, in one query."""
    by_ons: dict[str, int] = {}
    by_dfe: dict[int, int] = {}
    for pk, ons_code, dfe_code in LocalAuthority.objects.values_list("pk", "ons_code", "dfe_code"):
        by_ons[ons_code] = pk
        if dfe_code is not None:
            by_dfe[dfe_code] = pk
    return AuthorityLookup(by_ons_code=by_ons, by_dfe_code=by_dfe)


def _differences(school: School, values: dict[str, Any]) -> list[str]:
    return [name for name in IMPORTED_FIELDS if getattr(school, name) != values[name]]


@transaction.atomic
def school_register_import(
    *, records: list[SchoolRecord], full_extract: bool = False, now: datetime.datetime | None = None
) -> RegisterImportResult:
    """Create new schools, update changed ones and close those the extract closes, in bulk (no query per row).

    With ``full_extract`` the file is the whole national register, so an open school missing from it has
    closed: it is marked closed, never deleted, and every hub's engagement records stay with it.
    """
    now = now or timezone.now()
    result = RegisterImportResult()
    existing = {school.urn: school for school in School.objects.all().iterator(chunk_size=5000)}
    to_create: list[dict[str, Any]] = []
    to_update: list[School] = []
    for record in records:
        school = existing.pop(record.urn, None)
        if school is None:
            to_create.append({"urn": record.urn, **record.fields})
            result.created += 1
            continue
        changes = _differences(school, record.fields)
        if not changes:
            result.unchanged += 1
            continue
        was_open = school.status != School.Status.CLOSED
        for name in changes:
            setattr(school, name, record.fields[name])
        school.updated_at = now
        to_update.append(school)
        if was_open and school.status == School.Status.CLOSED:
            result.closed += 1
            result.closed_urns.append(school.urn)
        else:
            result.updated += 1
    if full_extract:
        for school in existing.values():
            if school.status != School.Status.CLOSED:
                school.status = School.Status.CLOSED
                school.updated_at = now
                to_update.append(school)
                result.closed += 1
                result.closed_urns.append(school.urn)
    # New schools by COPY on PostgreSQL: bulk_create's per-object preparation was most of an import's time.
    # created_at and updated_at are set as the ORM sets them (auto_now_add, auto_now), at the time of writing.
    insert_rows(School, to_create, fields=["urn", *IMPORTED_FIELDS])
    School.objects.bulk_update(to_update, [*IMPORTED_FIELDS, "updated_at"], batch_size=BATCH_SIZE)
    return result


def school_register_import_file(
    *, path: Path, full_extract: bool = False, today: datetime.date | None = None
) -> RegisterImportResult:
    """Read, check and import a GIAS extract; ImportRejectedError (nothing written) if any row is wrong."""
    table = read_extract(path)
    records = parse_extract(table, authorities=authority_lookup(), today=today or timezone.localdate())
    return school_register_import(records=records, full_extract=full_extract)


def _outside_area(records: list[SchoolRecord], hub: HubArea) -> list[Problem]:
    inside = set(LocalAuthority.objects.filter(hub_area=hub).values_list("pk", flat=True))
    names = dict(LocalAuthority.objects.values_list("pk", "name"))
    return [
        Problem(
            record.line,
            "",
            f"URN {record.urn} is in {names[record.fields['local_authority_id']]}, outside {hub.name}'s area",
        )
        for record in records
        if record.fields["local_authority_id"] not in inside
    ]


def school_register_import_for_hub(
    *, data: bytes, name: str, hub: HubArea, today: datetime.date | None = None
) -> RegisterImportResult:
    """A hub administrator's upload of a GIAS extract for their own area (GIAS filters by local authority).

    The register is national, so a hub may only bring in schools of its own local authorities: a row from
    another area is a problem like any other, and nothing is written. It never closes missing schools.
    """
    table = parse_csv_text(decode_extract(data, name=name), name=name)
    records = parse_extract(table, authorities=authority_lookup(), today=today or timezone.localdate())
    if problems := _outside_area(records, hub):
        raise ImportRejectedError(problems)
    return school_register_import(records=records)
