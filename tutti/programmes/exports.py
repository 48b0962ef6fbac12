"""CSV and XLSX exports of activities and enrolments: one row function drives both formats."""

import io
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from tutti.core import academic_year
from tutti.core.csv_files import CSV_CONTENT_TYPE, csv_text
from tutti.core.money import format_pence
from tutti.programmes.models import Activity, Enrolment

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

ACTIVITY_HEADERS = [
    "Activity",
    "Kind",
    "Academic year",
    "Venue",
    "Level",
    "Capacity",
    "Places taken",
    "Fee",
    "SEND adapted",
]
ENROLMENT_HEADERS = [
    "Learner reference",
    "Learner",
    "Activity",
    "Status",
    "Waiting position",
    "Applied",
    "Started",
    "Ended",
]


def activity_row(activity: Activity) -> list[Any]:
    fee = (
        "Free"
        if activity.fee_basis == Activity.FeeBasis.FREE
        else f"{format_pence(activity.fee_pence)} {activity.get_fee_basis_display().lower()}"
    )
    return [
        activity.name,
        activity.get_kind_display(),
        academic_year.label(activity.calendar.academic_year),
        activity.venue,
        activity.get_level_display(),
        activity.capacity,
        activity.places_taken,
        fee,
        "Yes" if activity.send_adapted else "No",
    ]


def enrolment_row(enrolment: Enrolment) -> list[Any]:
    return [
        enrolment.learner.reference,
        enrolment.learner.full_name,
        enrolment.activity.name,
        enrolment.get_status_display(),
        enrolment.waiting_position,
        enrolment.applied_on,
        enrolment.started_on,
        enrolment.ended_on,
    ]


def export_response(
    *, kind: str, filename: str, headers: Sequence[str], items: Iterable[Any], row: Callable[[Any], list[Any]]
) -> HttpResponse:
    """The same rows as a CSV (``kind == "csv"``) or an XLSX workbook."""
    if kind == "csv":
        response = HttpResponse(csv_text(headers, (row(item) for item in items)), content_type=CSV_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(filename.capitalize())
    header_cells = []
    for title in headers:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        header_cells.append(cell)
    sheet.append(header_cells)
    for item in items:
        sheet.append(row(item))
    out = io.BytesIO()
    workbook.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
