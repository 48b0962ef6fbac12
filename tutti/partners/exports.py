"""The partners list as CSV and XLSX: one row function drives the page's table and both files.

The exports take the same filter set as the page, so a download holds exactly the rows on the page.
"""

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tutti.core.csv_files import csv_text
from tutti.partners.models import Partner

PARTNER_HEADERS = ["Name", "Kind", "Status", "Local authorities", "Website", "Archived on"]
LIST_SEPARATOR = "; "


def partner_row(partner: Partner) -> list[str]:
    """One partner as the list and the exports show it (local authorities must be prefetched)."""
    return [
        partner.name,
        partner.get_kind_display(),
        partner.get_status_display(),
        LIST_SEPARATOR.join(la.name for la in partner.local_authorities.all()),
        partner.website,
        partner.archived_at.date().isoformat() if partner.archived_at else "",
    ]


def partners_csv(partners: Iterable[Partner]) -> str:
    return csv_text(PARTNER_HEADERS, (partner_row(partner) for partner in partners))


def partners_xlsx(partners: Iterable[Partner], *, hub_name: str) -> bytes:
    """A workbook: the partners on the first sheet under a bold, frozen header."""
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = "Partners"
    sheet.append(PARTNER_HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for partner in partners:
        sheet.append(partner_row(partner))
    sheet.freeze_panes = "A2"
    for index, width in enumerate([40, 34, 14, 48, 40, 14], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    about = workbook.create_sheet("About")
    about.append([f"Partners of {hub_name}, exported from Tutti with the filters of the list page."])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
