"""The GIAS extract as text: Windows-1252 as DfE publishes it, or UTF-8 with a byte-order mark."""

import csv
import io
from pathlib import Path

from tutti.network.importing.tabular import DataRow, Table, UnreadableFileError

UTF8_BOM = b"\xef\xbb\xbf"


def decode_extract(data: bytes, *, name: str) -> str:
    """The file's text: Windows-1252, as GIAS publishes it, unless it starts with the UTF-8 byte-order mark a
    spreadsheet writes when it re-saves a file as "CSV UTF-8". Guessing UTF-8 without the mark would misread
    real Windows-1252 text (the two bytes of "Â¡" are also the UTF-8 for "¡"), so the importer never guesses.
    Anything else is refused, naming the line."""
    if b"\x00" in data[:4096]:
        raise UnreadableFileError(
            f"{name} is not a CSV text file (it has NUL bytes, as UTF-16 'Unicode text' does): "
            "use the CSV file as downloaded from GIAS."
        )
    encoding, label = ("utf-8", "UTF-8") if data.startswith(UTF8_BOM) else ("cp1252", "Windows-1252")
    body = data[len(UTF8_BOM) :] if encoding == "utf-8" else data
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as error:
        line = body[: error.start].count(b"\n") + 1
        raise UnreadableFileError(
            f"{name}, line {line}: byte 0x{body[error.start]:02X} is not {label} text "
            "(GIAS extracts are Windows-1252; a re-saved copy must be 'CSV UTF-8')."
        ) from None


def parse_csv_text(text: str, *, name: str) -> Table:
    """Header and data rows, each numbered by the line of the file it starts on (the header is line 1)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[DataRow] = []
    headers: tuple[str, ...] | None = None
    next_line = 1
    try:
        for cells in reader:
            line, next_line = next_line, reader.line_num + 1
            values = tuple(cell.strip() for cell in cells)
            if headers is None:
                headers = values
            else:
                rows.append(DataRow(line=line, cells=values))
    except csv.Error as error:
        raise UnreadableFileError(f"{name}, line {reader.line_num}: not valid CSV ({error}).") from None
    if headers is None:
        raise UnreadableFileError(f"{name} is empty: the first line must name the columns.")
    return Table(headers=headers, rows=tuple(rows))


def read_extract(path: Path) -> Table:
    """Read a GIAS establishment extract (edubasealldata*.csv) from disk."""
    if not path.is_file():
        raise UnreadableFileError(f"There is no file at {path}.")
    if path.suffix.lower() != ".csv":
        raise UnreadableFileError(f"{path.name}: expected the .csv extract as downloaded from GIAS.")
    return parse_csv_text(decode_extract(path.read_bytes(), name=path.name), name=path.name)
