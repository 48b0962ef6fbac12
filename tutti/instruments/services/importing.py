"""Importing an existing asset register from CSV: every line checked first, then all of it or nothing.

Lines are matched to the register by asset tag, so importing the same file again changes nothing; a
line for a tag already held updates that asset's details (never its status or loans). The columns are
listed in COLUMNS and described in this app's IMPORT.md.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.http import HttpRequest

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.services import audit_record
from tutti.core import academic_year
from tutti.core.money import parse_pounds
from tutti.instruments.models import Asset, Condition
from tutti.instruments.services.assets import ASSET_FIELDS, asset_problems, normalised
from tutti.learners.importing.run import decode
from tutti.network.importing.problems import ImportRejectedError, Problem
from tutti.network.models import HubArea
from tutti.programmes.models import Instrument, StaffMember
from tutti.schools.models import School

# Header (matched without regard to capitals or spaces) -> the asset field it fills.
COLUMNS = {
    "asset tag": "asset_tag", "kind": "kind", "type": "instrument", "item": "item", "size": "size", "make": "make",
    "model": "model", "serial number": "serial_number", "adaptive": "adaptive", "adaptive purpose": "adaptive_purpose",
    "condition": "condition", "kept at": "location_kind", "store": "store_name", "school urn": "school",
    "tutor": "tutor", "purchase date": "purchased_on", "cost": "cost_pence", "funding": "funding",
    "capital year": "capital_year",
}  # fmt: skip
REQUIRED = ("asset tag", "kind", "funding")
HEADERS = [header.title().replace("Urn", "URN") for header in COLUMNS]  # as a person writes them
HEADER_OF = dict(zip(COLUMNS.values(), HEADERS, strict=True))


def _coded(choices: Any, *, extra: dict[str, str] | None = None) -> dict[str, str]:
    table = {str(label).casefold(): value for value, label in choices} | {value: value for value, _ in choices}
    return table | (extra or {})


KINDS = _coded(Asset.Kind.choices, extra={"technology": "technology"})
CONDITIONS = _coded(Condition.choices) | {
    str(label).split(":")[0].casefold(): value for value, label in Condition.choices
}
PLACES = {"store": "store", "school": "school", "tutor": "tutor"}
FUNDING = _coded(Asset.Funding.choices, extra={"capital": "capital_grant", "other grant": "other_grant"})
# The coded columns: what each accepts, and how a message names it.
CODED = {
    "kind": (KINDS, "instrument, equipment or music technology"),
    "condition": (CONDITIONS, "new, good, fair, poor or unusable"),
    "location_kind": (PLACES, "store, school or tutor"),
    "funding": (FUNDING, "capital grant, other grant, donation or hub funds"),
}
YES_NO = {"y": True, "yes": True, "n": False, "no": False, "": False}


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class _Lookups:
    instruments: dict[str, Instrument]
    schools: dict[int, School]
    tutors: dict[str, StaffMember]


def _lookups(hub: HubArea) -> _Lookups:
    return _Lookups(
        instruments={item.name.casefold(): item for item in Instrument.objects.all()},
        schools={school.urn: school for school in School.objects.in_hub_area(hub)},
        tutors={str(member).casefold(): member for member in StaffMember.objects.for_hub(hub).current()},
    )


def _date(text: str) -> date:
    for layout in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, layout).date()
        except ValueError:
            continue
    raise ValueError(f"'{text}' is not a date written DD/MM/YYYY")


def _value(field: str, text: str, lookups: _Lookups) -> Any:
    """One cell as the asset field's value; ValueError with a message naming the cell otherwise."""
    key = " ".join(text.casefold().split())
    if field in CODED:
        table, accepted = CODED[field]
        if key not in table:
            raise ValueError(f"'{text}' is not one of {accepted}")
        return table[key]
    if field == "instrument":
        if not key:
            return None
        if key not in lookups.instruments:
            raise ValueError(f"'{text}' is not an instrument type of Tutti's list (like Violin, Cornet, Ukulele)")
        return lookups.instruments[key]
    if field == "school":
        if not key:
            return None
        if not key.isdigit() or int(key) not in lookups.schools:
            raise ValueError(f"URN '{text}' is not a school of this hub's area")
        return lookups.schools[int(key)]
    if field == "tutor":
        if not key:
            return None
        if key not in lookups.tutors:
            raise ValueError(f"'{text}' is not a current member of the hub's workforce")
        return lookups.tutors[key]
    if field == "adaptive":
        if key not in YES_NO:
            raise ValueError(f"'{text}' is not Y or N")
        return YES_NO[key]
    if field == "purchased_on":
        return _date(text.strip()) if key else None
    if field == "cost_pence":
        return parse_pounds(text) if key else None
    if field == "capital_year":
        return academic_year.parse(text) if key else None
    return text.strip()


_DEFAULTS: dict[str, Any] = dict.fromkeys(ASSET_FIELDS, "") | {
    "instrument": None, "school": None, "tutor": None, "purchased_on": None, "cost_pence": None,
    "capital_year": None, "adaptive": False, "condition": Condition.GOOD, "location_kind": "store",
}  # fmt: skip


def _row(cells: dict[str, str], line: int, lookups: _Lookups, problems: list[Problem]) -> dict[str, Any] | None:
    values = dict(_DEFAULTS)
    before = len(problems)
    for field, text in cells.items():
        if not text.strip() and field in ("kind", "condition", "location_kind", "funding", "adaptive"):
            if field in ("kind", "funding"):
                problems.append(Problem(line, HEADER_OF[field], "is empty"))
            continue
        try:
            values[field] = _value(field, text, lookups)
        except ValueError as error:
            problems.append(Problem(line, HEADER_OF[field], str(error)))
    if not values["asset_tag"]:
        problems.append(Problem(line, "Asset Tag", "is empty"))
    if len(problems) > before:
        return None
    for field, message in asset_problems(values).items():
        problems.append(Problem(line, HEADER_OF[field], message))
    return values if len(problems) == before else None


def _read(text: str, lookups: _Lookups) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        raise ImportRejectedError([Problem(1, "", "The file is empty: the first line must name the columns")])
    keys = [" ".join(cell.casefold().split()) for cell in header]
    missing = [name.title() for name in REQUIRED if name not in keys]
    unknown = [cell for cell, key in zip(header, keys, strict=True) if key and key not in COLUMNS]
    if missing or unknown:
        parts = (["missing column(s) " + ", ".join(missing)] if missing else []) + (
            ["unknown column(s) " + ", ".join(unknown)] if unknown else []
        )
        raise ImportRejectedError([Problem(1, "", "; ".join(parts))])
    fields = [COLUMNS.get(key, "") for key in keys]
    rows: list[tuple[int, dict[str, Any]]] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        values = _row({f: c for f, c in zip(fields, cells, strict=False) if f}, line, lookups, problems)
        if values is None:
            continue
        tag = values["asset_tag"].casefold()
        if tag in seen:
            problems.append(Problem(line, "Asset Tag", f"the same asset tag as line {seen[tag]}"))
            continue
        seen[tag] = line
        rows.append((line, values))
    if problems:
        raise ImportRejectedError(problems)
    if not rows:
        raise ImportRejectedError([Problem(1, "", "The file has a header but no assets")])
    return rows


def assets_import(*, hub: HubArea, data: bytes, by: User, request: HttpRequest | None = None) -> ImportSummary:
    """Import an asset register into the hub; raises ImportRejectedError (every problem, by line) writing nothing."""
    rows = _read(decode(data), _lookups(hub))
    summary = ImportSummary()
    with transaction.atomic():
        existing = {asset.asset_tag.casefold(): asset for asset in Asset.objects.for_hub(hub).select_for_update()}
        for _, values in rows:
            values = normalised(values)
            asset = existing.get(values["asset_tag"].casefold())
            if asset is None:
                Asset.objects.create(hub=hub, **values)
                summary.added += 1
                continue
            changed = [name for name, value in values.items() if name != "asset_tag" and getattr(asset, name) != value]
            if not changed:
                summary.unchanged += 1
                continue
            for name in changed:
                setattr(asset, name, values[name])
            asset.save(update_fields=[*changed, "updated_at"])
            summary.updated += 1
        audit_record(
            action=AuditEvent.Action.ASSETS_IMPORTED, hub=hub, actor=by, request=request,
            detail=f"{summary.added} added, {summary.updated} updated, {summary.unchanged} unchanged",
        )  # fmt: skip
    return summary
