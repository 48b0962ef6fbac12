"""The learners list as CSV and XLSX, within the person's field permissions.

One row function (``learner_row``, built on ``field_access.learner_record``) drives the page's table
and both files, so a download holds exactly the columns and rows the person sees on the page.
"""

import io
from collections.abc import Iterable
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from tutti.core.csv_files import csv_text
from tutti.learners.field_access import FieldAccess, field_label, field_value
from tutti.learners.models import Learner

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A cell starting with one of these is a formula to a spreadsheet: a name like "=HYPERLINK(...)" must stay text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def learner_headers(access: FieldAccess) -> list[str]:
    return [field_label(name) for name in access.fields]


def learner_row(learner: Learner, access: FieldAccess) -> list[Any]:
    return [field_value(learner, name) for name in access.fields]


def _as_text(value: Any) -> str:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def learners_csv(learners: Iterable[Learner], access: FieldAccess) -> str:
    rows = ([_as_text(value) for value in learner_row(learner, access)] for learner in learners)
    return csv_text(learner_headers(access), rows)


def learners_xlsx(learners: Iterable[Learner], access: FieldAccess, *, hub_name: str) -> bytes:
    """A workbook: the learners under a bold, frozen header; dates as dates; a note on what it holds."""
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = "Learners"
    sheet.append(learner_headers(access))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for learner in learners:
        sheet.append([value if isinstance(value, date) else _as_text(value) for value in learner_row(learner, access)])
    sheet.freeze_panes = "A2"
    about = workbook.create_sheet("About")
    about.append([f"Learners of {hub_name}, exported from Tutti with the filters of the list page."])
    about.append(["Children's personal data: keep this file only as long as the task needs it, and never share it."])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
