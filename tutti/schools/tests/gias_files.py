"""GIAS-shaped CSV files built in tests, in the real extract's column names and Windows-1252 encoding."""

import csv
import io
from pathlib import Path

from tutti.schools.gias import parsing

HEADERS = [
    parsing.URN,
    parsing.LA_CODE,
    "LA (name)",
    parsing.NAME,
    parsing.TYPE,
    parsing.TYPE_GROUP,
    parsing.STATUS,
    parsing.OPEN_DATE,
    parsing.CLOSE_DATE,
    parsing.PHASE,
    parsing.LOW_AGE,
    parsing.HIGH_AGE,
    parsing.PUPILS,
    parsing.FSM,
    parsing.POSTCODE,
    parsing.WEBSITE,
    parsing.GSS_CODE,
    parsing.EASTING,
    parsing.NORTHING,
]


def school_row(urn: int, **overrides: str) -> dict[str, str]:
    """A valid Trafford primary school row; keyword arguments replace cells by column name."""
    row = {
        parsing.URN: str(urn),
        parsing.LA_CODE: "358",
        "LA (name)": "Trafford",
        parsing.NAME: f"St Mary's Primary School {urn}",
        parsing.TYPE: "Voluntary aided school",
        parsing.TYPE_GROUP: "Local authority maintained schools",
        parsing.STATUS: "Open",
        parsing.OPEN_DATE: "01-09-1974",
        parsing.CLOSE_DATE: "",
        parsing.PHASE: "Primary",
        parsing.LOW_AGE: "4",
        parsing.HIGH_AGE: "11",
        parsing.PUPILS: "210",
        parsing.FSM: "12.5",
        parsing.POSTCODE: "M33 7XX",
        parsing.WEBSITE: "www.example.sch.uk",
        parsing.GSS_CODE: "E08000009",
        parsing.EASTING: "381616",
        parsing.NORTHING: "395003",
    }
    row.update(overrides)
    return row


def csv_text(rows: list[dict[str, str]], headers: list[str] = HEADERS) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=headers, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write_extract(
    directory: Path, rows: list[dict[str, str]], *, headers: list[str] = HEADERS, encoding: str = "cp1252"
) -> Path:
    path = directory / "edubasealldata20250101.csv"
    path.write_bytes(csv_text(rows, headers).encode(encoding))
    return path
