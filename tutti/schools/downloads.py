"""The hub's schools as CSV and XLSX: one row function drives both, from the list page's own filter set."""

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Font

from tutti.core import academic_year
from tutti.core.csv_files import csv_text
from tutti.schools.models import School, SchoolEngagement

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ATTRIBUTION = (
    "School facts from the Department for Education's Get Information About Schools, "
    "© Crown copyright, Open Government Licence v3.0."
)


def school_headers(year: int) -> list[str]:
    label = academic_year.label(year)
    return [
        "URN",
        "Name",
        "Local authority",
        "Phase",
        "Type group",
        "State-funded",
        "Status",
        "Number of pupils",
        "% free school meals",
        "Postcode",
        f"Engaged {label}",
        f"Music Development Plan {label}",
    ]


def school_row(school: School) -> list[str | int | float | None]:
    """One school as a row; the annotations ``engaged`` and ``plan_status`` come from selectors.hub_schools."""
    plan_status = getattr(school, "plan_status", None)
    return [
        school.urn,
        school.name,
        school.local_authority.name,
        school.get_phase_display(),
        school.type_group,
        "yes" if school.state_funded else "no",
        school.get_status_display(),
        school.number_of_pupils,
        float(school.percent_fsm) if school.percent_fsm is not None else None,
        school.postcode,
        "yes" if getattr(school, "engaged", False) else "no",
        SchoolEngagement.PlanStatus(plan_status).label if plan_status else "",
    ]


def schools_csv(schools: Iterable[School], *, year: int) -> str:
    return csv_text(school_headers(year), (school_row(school) for school in schools))


def schools_xlsx(schools: Iterable[School], *, year: int) -> bytes:
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = "Schools"
    sheet.append(school_headers(year))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for school in schools:
        sheet.append(school_row(school))
    sheet.freeze_panes = "A2"
    about = workbook.create_sheet("About")
    about.append([f"The hub's schools and their engagement in {academic_year.label(year)}"])
    about["A1"].font = Font(bold=True)
    about.append([ATTRIBUTION])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
