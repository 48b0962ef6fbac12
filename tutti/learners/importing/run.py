"""The learners import: read the whole file, check every line, then write everything in bulk or nothing.

Queries do not grow with the file: schools are looked up by URN in one query, the hub's learners and
guardians are read once, references are taken in one locked update, and rows are written with
``insert_rows`` (one COPY per table on PostgreSQL) and ``bulk_update`` in batches of BATCH_SIZE.
"""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.services import audit_record
from tutti.core.bulk_insert import insert_rows
from tutti.learners.importing.columns import COLUMNS, REQUIRED_HEADERS, ParsedRow, parse_row
from tutti.learners.models import Guardian, Learner
from tutti.learners.services.learners import match_key
from tutti.learners.services.references import references_allocate
from tutti.network.models import HubArea
from tutti.schools.models import School

BATCH_SIZE = 2000
LEARNER_UPDATE_FIELDS = [
    "first_name", "last_name", "match_key", "date_of_birth", "school", "year_group", "postcode_district",
    "gender", "ethnicity", "send", "disadvantaged", "looked_after", "young_carer", "updated_at",
]  # fmt: skip
# The keys of a new learner's or guardian's row; every other field gets its default, as the ORM gives it.
NEW_LEARNER_FIELDS = [
    "hub_id", "reference", "created_by_id", "first_name", "last_name", "match_key", "date_of_birth", "school_id",
    "year_group", "postcode_district", "gender", "ethnicity", "send", "disadvantaged", "looked_after", "young_carer",
]  # fmt: skip
NEW_GUARDIAN_FIELDS = ["hub_id", "learner_id", "name", "relationship", "email", "phone", "postcode"]


@dataclass(frozen=True)
class LineError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}"


@dataclass
class ImportResult:
    """What an import did, or (with errors) why it wrote nothing."""

    errors: list[LineError] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    guardians_added: int = 0
    guardians_updated: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


class ImportRefused(Exception):
    def __init__(self, errors: list[LineError]) -> None:
        super().__init__(f"{len(errors)} problem(s)")
        self.errors = errors


def decode(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1252 as older systems export."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _read(text: str, *, today: date) -> tuple[list[ParsedRow], list[LineError], list[tuple[int, int]]]:
    """The parsed lines, the problems, and the (line, URN) of lines with problems (their schools are
    checked too, so one upload lists every problem)."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        return [], [LineError(1, "The file is empty.")], []
    keys = [" ".join(cell.casefold().split()) for cell in header]
    missing = [name for name in REQUIRED_HEADERS if name not in keys]
    unknown = [cell for cell, key in zip(header, keys, strict=True) if key and key not in COLUMNS]
    if missing or unknown:
        problems = []
        if missing:
            problems.append("missing column(s) " + ", ".join(name.title() for name in missing))
        if unknown:
            problems.append("unknown column(s) " + ", ".join(unknown) + " (see the list of columns)")
        return [], [LineError(1, "; ".join(problems))], []
    names = [COLUMNS.get(key, "") for key in keys]
    rows, errors, other_urns = [], [], []
    line = 1
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(names):
            errors.append(LineError(line, f"{len(cells)} cells but the header has {len(names)} columns"))
            continue
        values = dict(zip(names, cells, strict=False))
        parsed = parse_row(values, line=line, today=today)
        if isinstance(parsed, list):
            errors.extend(LineError(line, message) for message in parsed)
            if values.get("school_urn", "").strip().isdigit():
                other_urns.append((line, int(values["school_urn"])))
        else:
            rows.append(parsed)
    if not rows and not errors:
        errors.append(LineError(line, "The file has a header but no learners."))
    return rows, errors, other_urns


def _match(
    *, hub: HubArea, rows: list[ParsedRow], schools: dict[int, int], errors: list[LineError]
) -> dict[int, int | None]:
    """For each line, the existing learner it updates (by Learner Ref, else name, date of birth and school)."""
    by_reference: dict[str, int] = {}
    by_key: dict[tuple[str, date, int | None], int] = {}
    for found_pk, found_reference, found_key, found_born, found_school in (
        Learner.objects.for_hub(hub).current().values_list("pk", "reference", "match_key", "date_of_birth", "school_id")
    ):
        by_reference[found_reference] = found_pk
        by_key[(found_key, found_born, found_school)] = found_pk
    matched: dict[int, int | None] = {}
    seen: dict[object, int] = {}
    for row in rows:
        school_id = schools.get(row.school_urn) if row.school_urn is not None else None
        key = (match_key(row.first_name, row.last_name), row.date_of_birth, school_id)
        pk: int | None
        if row.reference:
            pk = by_reference.get(row.reference)
            if pk is None:
                errors.append(LineError(row.line, f"Learner Ref {row.reference} is not a current learner of this hub"))
                continue
        else:
            pk = by_key.get(key)
        identity: object = pk if pk is not None else key
        if identity in seen:
            errors.append(LineError(row.line, f"the same learner as line {seen[identity]}"))
            continue
        seen[identity] = row.line
        matched[row.line] = pk
    return matched


def _values(row: ParsedRow, school_id: int | None) -> dict[str, object]:
    """The learner fields the row sets (a blank optional cell sets nothing)."""
    values: dict[str, object] = {"first_name": row.first_name, "last_name": row.last_name}
    values |= {"date_of_birth": row.date_of_birth, "school_id": school_id, **row.learner}
    values["match_key"] = match_key(row.first_name, row.last_name)
    return values


def _apply(learner: Learner, row: ParsedRow, school_id: int | None) -> bool:
    """Set the row's values on a learner; True when anything changed."""
    changed = False
    for name, value in _values(row, school_id).items():
        if getattr(learner, name) != value:
            setattr(learner, name, value)
            changed = True
    return changed


def _batches(items: list, size: int = BATCH_SIZE) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@transaction.atomic
def _write(
    *, hub: HubArea, rows: list[ParsedRow], matched: dict[int, int | None], schools: dict[int, int], by: User | None
) -> ImportResult:
    result = ImportResult()
    existing_pks = [pk for pk in matched.values() if pk is not None]
    existing = Learner.objects.for_hub(hub).in_bulk(existing_pks) if existing_pks else {}
    new_rows = [row for row in rows if matched.get(row.line) is None]
    references = iter(references_allocate(hub=hub, count=len(new_rows)))
    now = timezone.now()
    # New learners by COPY on PostgreSQL (bulk_create's per-object work was most of an import's time);
    # created_at, updated_at and public_id are filled as the ORM fills them.
    reference_by_line: dict[int, str] = {}
    new_learners: list[dict[str, object]] = []
    for row in new_rows:
        reference_by_line[row.line] = next(references)
        school_id = schools.get(row.school_urn) if row.school_urn is not None else None
        new_learners.append(
            {"hub_id": hub.pk, "reference": reference_by_line[row.line], "created_by_id": by.pk if by else None}
            | _values(row, school_id)
        )
    insert_rows(Learner, new_learners, fields=NEW_LEARNER_FIELDS)
    created = _new_learner_pks(hub=hub, reference_by_line=reference_by_line)
    changed = []
    for row in rows:
        pk = matched.get(row.line)
        if pk is None:
            continue
        learner = existing[pk]
        if _apply(learner, row, schools.get(row.school_urn) if row.school_urn is not None else None):
            learner.updated_at = now
            changed.append(learner)
    for batch in _batches(changed):
        Learner.objects.bulk_update(batch, LEARNER_UPDATE_FIELDS)
    result.created, result.updated = len(created), len(changed)
    result.unchanged = len(rows) - result.created - result.updated
    learners = {line: pk for line, pk in matched.items() if pk is not None} | created
    _write_guardians(hub=hub, rows=rows, learners=learners, any_existing=bool(existing), result=result)
    return result


def _new_learner_pks(*, hub: HubArea, reference_by_line: dict[int, str]) -> dict[int, int]:
    """Each new line's learner id, read back by the reference it was given (unique in the hub).

    One query for all the hub's references: _match has just read the hub's current learners, so this is
    the same order of rows, and far quicker than asking for 100,000 references by name.
    """
    pk_by_reference = dict(Learner.objects.for_hub(hub).order_by().values_list("reference", "pk"))
    return {line: pk_by_reference[reference] for line, reference in reference_by_line.items()}


def _write_guardians(
    *, hub: HubArea, rows: list[ParsedRow], learners: dict[int, int], any_existing: bool, result: ImportResult
) -> None:
    """Add each line's guardian, or update the learner's guardian of the same name."""
    current: dict[tuple[int, str], Guardian] = {}
    if any_existing:  # new learners have no guardians yet: read the hub's only when updating someone
        for guardian in Guardian.objects.for_hub(hub).only(
            "pk", "learner_id", "name", "relationship", "email", "phone", "postcode"
        ):
            current[(guardian.learner_id, guardian.name.casefold())] = guardian
    to_create: list[dict[str, object]] = []
    to_update: list[Guardian] = []
    for row in rows:
        if row.guardian is None:
            continue
        learner_id = learners[row.line]
        found = current.get((learner_id, row.guardian["name"].casefold()))
        if found is None:
            to_create.append({"hub_id": hub.pk, "learner_id": learner_id, **row.guardian})
            continue
        changes = {name: value for name, value in row.guardian.items() if value and getattr(found, name) != value}
        if changes:
            for name, value in changes.items():
                setattr(found, name, value)
            to_update.append(found)
    insert_rows(Guardian, to_create, fields=NEW_GUARDIAN_FIELDS)
    for batch in _batches(to_update):
        Guardian.objects.bulk_update(batch, ["relationship", "email", "phone", "postcode"])
    result.guardians_added, result.guardians_updated = len(to_create), len(to_update)


def learners_import(
    *, hub: HubArea, data: bytes, by: User | None, request: HttpRequest | None = None, today: date | None = None
) -> ImportResult:
    """Import a learners file into the hub: every line checked first; any problem and nothing is written.

    Re-importing the same file changes nothing: a line updates the learner with its Learner Ref, or else
    the current learner with the same name, date of birth and school, and only adds what is new.
    """
    rows, errors, other_urns = _read(decode(data), today=today or timezone.localdate())
    line_urns = [(row.line, row.school_urn) for row in rows if row.school_urn is not None] + other_urns
    urns = {urn for _, urn in line_urns}
    schools = dict(School.objects.filter(urn__in=urns).values_list("urn", "pk")) if urns else {}
    for line, urn in line_urns:
        if urn not in schools:
            errors.append(LineError(line, f"School URN {urn} is not in the schools register"))
    matched = _match(hub=hub, rows=rows, schools=schools, errors=errors) if not errors else {}
    if errors:
        return ImportResult(errors=sorted(errors, key=lambda error: error.line))
    result = _write(hub=hub, rows=rows, matched=matched, schools=schools, by=by)
    audit_record(
        action=AuditEvent.Action.LEARNERS_IMPORTED,
        hub=hub,
        actor=by,
        request=request,
        detail=f"{result.created} added, {result.updated} updated, {result.unchanged} unchanged; "
        f"guardians {result.guardians_added} added, {result.guardians_updated} updated",
    )
    return result
