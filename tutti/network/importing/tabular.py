"""A spreadsheet (XLSX or CSV) as numbered rows of text cells, and a table of them under a header row."""

import csv
import datetime
import zipfile
from collections.abc import Sequence
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
    """One row with the number a person sees beside it in the spreadsheet (the first row is 1)."""

    line: int
    cells: tuple[str, ...]

    def is_blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)


@dataclass(frozen=True)
class Table:
    """The rows under a header row; `header_line` is the header's own row number."""

    headers: tuple[str, ...]
    rows: tuple[DataRow, ...]
    header_line: int = 1


def cell_text(value: object) -> str:
    """A cell as the text a person reads: 1672854.0 is `1672854`, a date is `2024-09-01`, empty is ``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        # A spreadsheet shows a number to 15 significant digits, so a formula's 1933874.9999999998 is the
        # 1933875 a person reads, and 1672854.1 stays 1672854.1.
        return format(Decimal(f"{value:.15g}").normalize(), "f")
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()


def _numbered(lines: list[tuple[str, ...]]) -> tuple[DataRow, ...]:
    if not lines:
        raise UnreadableFileError("The file is empty: the first line must name the columns.")
    return tuple(DataRow(line=number, cells=cells) for number, cells in enumerate(lines, start=1))


def table_under(rows: Sequence[DataRow], header: DataRow) -> Table:
    """The table whose header is `header`, one of `rows`: the rows after it are its data."""
    data = tuple(row for row in rows if row.line > header.line)
    return Table(headers=header.cells, rows=data, header_line=header.line)


def _read_xlsx(path: Path) -> tuple[DataRow, ...]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise UnreadableFileError(f"{path.name} is not a readable XLSX workbook ({error}).") from None
    try:
        sheet = workbook.worksheets[0]
        # From row 1 (empty rows included), so each row's number is the one the spreadsheet shows.
        lines = [tuple(cell_text(value) for value in row) for row in sheet.iter_rows(min_row=1, values_only=True)]
    finally:
        workbook.close()  # read-only workbooks keep the file open until closed
    return _numbered(lines)


def _read_csv(path: Path) -> tuple[DataRow, ...]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            lines = [tuple(cell.strip() for cell in row) for row in csv.reader(handle)]
    except UnicodeDecodeError as error:
        raise UnreadableFileError(
            f"{path.name} is not UTF-8 text (byte {error.start}): save it from the spreadsheet as 'CSV UTF-8'."
        ) from None
    except csv.Error as error:
        raise UnreadableFileError(f"{path.name} is not valid CSV ({error}).") from None
    return _numbered(lines)  # numbered by record, as a spreadsheet numbers the rows of a CSV file


def read_rows(path: Path) -> tuple[DataRow, ...]:
    """Every row of the first sheet of an XLSX workbook, or of a UTF-8 CSV file (with or without a
    byte-order mark), numbered as the spreadsheet numbers them."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UnreadableFileError(f"There is no file at {path}.")
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path)
    if suffix in CSV_SUFFIXES:
        return _read_csv(path)
    raise UnreadableFileError(f"{path.name}: expected an .xlsx or .csv file.")
