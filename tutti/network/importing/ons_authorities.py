"""ONS upper-tier local authorities (codes, names, regions, DfE numbers) and their boundaries, read from the seed.

The lookup is `england_ctyua_2024.csv` (ONS Counties and Unitary Authorities, December 2024, with the
DfE LA number added); the boundaries are `england_ctyua_2024.geojson`, one feature per authority with
its ONS code in the `code` property.
"""

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from tutti.network.geography import svg_path
from tutti.network.importing.problems import Problem
from tutti.network.models import ONS_LA_CODE, ONS_REGION_CODE, LocalAuthority

Kind = LocalAuthority.Kind

# Every CTYUA_TYPE the ONS lookup uses. The City of London is typed "London borough" there, and is
# one in every sense this project needs (an upper-tier authority inside London).
KIND_FOR_CTYUA_TYPE = {
    "County": Kind.COUNTY,
    "Unitary authority": Kind.UNITARY,
    "Metropolitan district": Kind.METROPOLITAN,
    "London borough": Kind.LONDON_BOROUGH,
}
REQUIRED_COLUMNS = ("CTYUA24CD", "CTYUA24NM", "CTYUA_TYPE", "RGN24CD", "RGN24NM", "DFE_LA_CODE")


@dataclass(frozen=True)
class AuthorityRecord:
    """One upper-tier local authority as the ONS lookup gives it."""

    ons_code: str
    name: str
    kind: LocalAuthority.Kind
    dfe_code: int | None
    region_code: str
    region_name: str


@dataclass
class ParsedAuthorities:
    records: list[AuthorityRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _record(line: int, row: dict[str, str], problems: list[Problem]) -> AuthorityRecord | None:
    def fail(column: str, message: str) -> None:
        problems.append(Problem(line, column, message))

    code, region_code = row["CTYUA24CD"].strip(), row["RGN24CD"].strip()
    kind = KIND_FOR_CTYUA_TYPE.get(row["CTYUA_TYPE"].strip())
    dfe_text = row["DFE_LA_CODE"].strip()
    before = len(problems)
    if not re.match(ONS_LA_CODE.regex, code):
        fail("CTYUA24CD", f"{code!r} is not an ONS upper-tier local-authority code")
    if not re.match(ONS_REGION_CODE.regex, region_code):
        fail("RGN24CD", f"{region_code!r} is not an ONS region code")
    if kind is None:
        fail("CTYUA_TYPE", f"{row['CTYUA_TYPE']!r} is not one of {', '.join(KIND_FOR_CTYUA_TYPE)}")
    if dfe_text and not (dfe_text.isdigit() and 100 <= int(dfe_text) <= 999):
        fail("DFE_LA_CODE", f"{dfe_text!r} is not a three-digit DfE LA code")
    if not row["CTYUA24NM"].strip() or not row["RGN24NM"].strip():
        fail("CTYUA24NM", "the authority or region name is missing")
    if len(problems) > before or kind is None:
        return None
    return AuthorityRecord(
        ons_code=code,
        name=row["CTYUA24NM"].strip(),
        kind=kind,
        dfe_code=int(dfe_text) if dfe_text else None,
        region_code=region_code,
        region_name=row["RGN24NM"].strip(),
    )


def read_authorities(path: Path) -> ParsedAuthorities:
    """Every authority in the ONS lookup CSV, with a problem (by line) for each row that cannot be loaded."""
    parsed = ParsedAuthorities()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            parsed.problems.append(Problem(1, "", f"{path.name} has no {', '.join(missing)} column"))
            return parsed
        seen: dict[str, int] = {}
        for line, row in enumerate(reader, start=2):
            record = _record(line, row, parsed.problems)
            if record is None:
                continue
            if record.ons_code in seen:
                parsed.problems.append(
                    Problem(line, "CTYUA24CD", f"{record.ons_code} is already on line {seen[record.ons_code]}")
                )
                continue
            seen[record.ons_code] = line
            parsed.records.append(record)
    return parsed


def read_boundaries(path: Path) -> dict[str, str]:
    """Each feature's SVG path (in the map's projected coordinates) by its ONS code."""
    with path.open(encoding="utf-8") as handle:
        collection = json.load(handle)
    return {feature["properties"]["code"]: svg_path(feature["geometry"]) for feature in collection["features"]}
