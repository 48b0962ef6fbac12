"""CSV downloads: one writer for every module's files, so every CSV opens the same way in a spreadsheet."""

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
# Excel on Windows reads a CSV without a byte-order mark in the local code page, so "£" opens as "Â£".
BYTE_ORDER_MARK = "\ufeff"


def csv_text(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A header row and the rows as CSV text (Windows line ends), starting with the UTF-8 byte-order mark.

    The csv module writes None as an empty field: the blank that means "not recorded" or "not published".
    """
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue()
