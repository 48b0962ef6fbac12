"""A spreadsheet (XLSX or CSV) as a header row and numbered data rows of text cells."""

import csv
import datetime
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

XLSX_SUFFIXES = {".xlsx", ".xlsm"}
CSV_SUFFIXES = {".csv"}


class UnreadableFileError(ValueError):
    """The file is not a spreadsheet this importer can read; the message says why."""


@dataclass(frozen=True)
class DataRow:
    """One data row with the line number a person sees in the spreadsheet (the header is line 1)."""

    line: int
    cells: tuple[str, ...]

    def is_blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[DataRow, ...]


def cell_text(value: object) -> str:
    """A cell as the text a person reads: 1672854.0 is `1672854`, a date is `2024-09-01`, empty is ``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        # str() of a float is its shortest round-trip form, so 1672854.1 stays 1672854.1, not ...0999.
        return str(int(value)) if value.is_integer() else str(Decimal(str(value)))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()


def _table(lines: list[tuple[str, ...]]) -> Table:
    if not lines:
        raise UnreadableFileError("The file is empty: the first line must name the columns.")
    headers, *data = lines
    return Table(
        headers=headers,
        rows=tuple(DataRow(line=number, cells=cells) for number, cells in enumerate(data, start=2)),
    )


def _read_xlsx(path: Path) -> Table:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise UnreadableFileError(f"{path.name} is not a readable XLSX workbook ({error}).") from None
    try:
        sheet = workbook.worksheets[0]
        lines = [tuple(cell_text(value) for value in row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()  # read-only workbooks keep the file open until closed
    return _table(lines)


def _read_csv(path: Path) -> Table:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            lines = [tuple(cell.strip() for cell in row) for row in csv.reader(handle)]
    except UnicodeDecodeError as error:
        raise UnreadableFileError(
            f"{path.name} is not UTF-8 text (byte {error.start}): save it from the spreadsheet as 'CSV UTF-8'."
        ) from None
    except csv.Error as error:
        raise UnreadableFileError(f"{path.name} is not valid CSV ({error}).") from None
    return _table(lines)


def read_table(path: Path) -> Table:
    """Read the first sheet of an XLSX workbook, or a UTF-8 CSV file (with or without a byte-order mark)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UnreadableFileError(f"There is no file at {path}.")
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path)
    if suffix in CSV_SUFFIXES:
        return _read_csv(path)
    raise UnreadableFileError(f"{path.name}: expected an .xlsx or .csv file.")
