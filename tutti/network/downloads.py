"""The public downloads: hub areas with their funding (CSV and XLSX) and the current lead organisations (CSV).

Both hub area files are written from `hub_area_rows`, which reads the same summaries as the pages,
so a figure in a download is the figure on the page. Money is in whole pounds as a number; a cell
is blank where the figure is not published in this data (never 0).
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tutti.core import academic_year
from tutti.core.csv_files import csv_text
from tutti.network.map import ATTRIBUTION
from tutti.network.models import LeadAppointment, LeadOrganisation
from tutti.network.selectors import HubAreaSummary

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LIST_SEPARATOR = "; "
MONEY_FORMAT = "£#,##0"

LEAD_ORGANISATION_HEADERS = ["Organisation", "Kind", "Website", "Hub area", "Appointed from"]

LICENCE_NOTES = [
    "Hub areas, lead organisations and funding were compiled by the Tutti project from public announcements "
    "by Arts Council England, the Department for Education, hub lead organisations, councils and the press; "
    "each row lists its sources.",
    "A blank funding cell means the figure is not published in this data, not that the hub received nothing.",
    "Local authority codes and boundaries: " + ATTRIBUTION,
    "The funding figures originate from DfE and Arts Council England allocations. "
    "Check Arts Council England's terms before redistributing a copy of its own spreadsheet.",
]

Money = int | Decimal | None


def pounds(pence: int | None) -> Money:
    """Pence as whole pounds (a number); pounds and pence only where the figure is not whole pounds."""
    if pence is None:
        return None
    whole, remainder = divmod(pence, 100)
    return whole if remainder == 0 else Decimal(pence) / 100


@dataclass(frozen=True)
class HubAreaRow:
    """One hub area as it appears in the downloads."""

    area: str
    lead_organisation: str
    local_authorities: str
    ons_codes: str
    revenue: Money
    capital: Money
    total: Money
    verification: str
    sources: str

    def values(self) -> list[str | Money]:
        return [
            self.area,
            self.lead_organisation,
            self.local_authorities,
            self.ons_codes,
            self.revenue,
            self.capital,
            self.total,
            self.verification,
            self.sources,
        ]


MONEY_COLUMNS = (5, 6, 7)  # 1-based positions of revenue, capital and total in HubAreaRow.values()


def hub_area_headers(year: int | None) -> list[str]:
    suffix = f" {academic_year.label(year)} (£)" if year is not None else " (£)"
    return [
        "Hub area",
        "Lead organisation",
        "Local authorities",
        "ONS codes",
        f"Revenue{suffix}",
        f"Capital{suffix}",
        f"Total{suffix}",
        "Verification",
        "Sources",
    ]


def hub_area_row(summary: HubAreaSummary) -> HubAreaRow:
    sources = list(summary.area.source_list)
    sources += [source for source in summary.funding.sources if source not in sources]
    return HubAreaRow(
        area=summary.area.name,
        lead_organisation=summary.lead.organisation.name if summary.lead else "",
        local_authorities=LIST_SEPARATOR.join(la.name for la in summary.local_authorities),
        ons_codes=LIST_SEPARATOR.join(la.ons_code for la in summary.local_authorities),
        revenue=pounds(summary.funding.revenue_pence),
        capital=pounds(summary.funding.capital_pence),
        total=pounds(summary.funding.total_pence),
        verification=summary.area.get_verification_display(),
        sources=LIST_SEPARATOR.join(sources),
    )


def hub_area_rows(summaries: Sequence[HubAreaSummary]) -> list[HubAreaRow]:
    return [hub_area_row(summary) for summary in summaries]


def hub_areas_csv(summaries: Sequence[HubAreaSummary], *, year: int | None) -> str:
    return csv_text(hub_area_headers(year), [row.values() for row in hub_area_rows(summaries)])


def hub_areas_xlsx(summaries: Sequence[HubAreaSummary], *, year: int | None) -> bytes:
    """A workbook: the areas on the first sheet (bold frozen header, £ format), the source and licence on "About"."""
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = "Hub areas"
    headers = hub_area_headers(year)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    rows = hub_area_rows(summaries)
    for row in rows:
        sheet.append(row.values())
    for column in MONEY_COLUMNS:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = MONEY_FORMAT
    sheet.freeze_panes = "A2"
    widths = [36, 40, 48, 40, 18, 18, 18, 34, 60]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    about = workbook.create_sheet("About")
    about.append(["Music Hub areas and funding in England"])
    about["A1"].font = Font(bold=True)
    if year is not None:
        about.append([f"Funding for the academic year {academic_year.label(year)}, in whole pounds."])
    for note in LICENCE_NOTES:
        about.append([note])
    about.column_dimensions["A"].width = 120

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _kind(appointment: LeadAppointment) -> str:
    organisation = appointment.organisation
    return "" if organisation.kind == LeadOrganisation.Kind.UNKNOWN else organisation.get_kind_display()


def lead_organisation_rows() -> list[list[str]]:
    """One row per current appointment, in hub area order."""
    appointments = (
        LeadAppointment.objects.current()
        .select_related("organisation", "hub_area")
        .order_by("hub_area__name", "organisation__name")
    )
    return [
        [
            appointment.organisation.name,
            _kind(appointment),
            appointment.organisation.website,
            appointment.hub_area.name,
            appointment.starts_on.isoformat(),
        ]
        for appointment in appointments
    ]


def lead_organisations_csv() -> str:
    return csv_text(LEAD_ORGANISATION_HEADERS, lead_organisation_rows())
