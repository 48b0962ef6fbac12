"""Checks of imported hub rows against what the database already holds (reads only)."""

import re
from collections.abc import Sequence
from datetime import date

from tutti.core import academic_year as academic_years
from tutti.network.importing.hub_allocations import Column, HubAllocationRow
from tutti.network.importing.problems import Problem
from tutti.network.models import ONS_LA_CODE, LeadAppointment, LocalAuthority


def appointment_start(academic_year: int) -> date:
    """A lead named for an academic year is appointed from its first day, 1 September."""
    return date(academic_year, 9, 1)


def database_problems(
    *, rows: Sequence[HubAllocationRow], academic_year: int | None, columns: dict[Column, str] | None = None
) -> list[Problem]:
    """Unknown local-authority codes, and a lead change that would end a newer appointment, in two queries."""
    columns = columns or {}
    problems: list[Problem] = []
    codes = {code for row in rows for code in row.la_codes}
    known = set(LocalAuthority.objects.filter(ons_code__in=codes).values_list("ons_code", flat=True))
    for row in rows:
        # A malformed code is the parser's problem already; here only well-formed codes nobody has.
        for code in (c for c in row.la_codes if c not in known and re.match(ONS_LA_CODE.regex, c)):
            problems.append(
                Problem(
                    row.line,
                    columns.get(Column.LA_CODES, str(Column.LA_CODES)),
                    f"unknown local-authority code {code}: no local authority has it "
                    "(load them first with `manage.py load_network_seed`)",
                )
            )

    if academic_year is None:
        return problems  # the missing year is the parser's problem; only the codes can be checked
    start = appointment_start(academic_year)
    # Areas are matched as the import service matches them: by name, ignoring case.
    named = {row.area.casefold(): row for row in rows if row.lead_organisation}
    for appointment in LeadAppointment.objects.current().select_related("organisation", "hub_area"):
        named_row = named.get(appointment.hub_area.name.casefold())
        if (
            named_row is None
            or appointment.organisation.name == named_row.lead_organisation
            or appointment.starts_on <= start
        ):
            continue
        since = f"{appointment.starts_on.day} {appointment.starts_on:%B %Y}"
        problems.append(
            Problem(
                named_row.line,
                columns.get(Column.LEAD, str(Column.LEAD)),
                f"{appointment.organisation} has led this area since {since}, after this file's year "
                f"{academic_years.label(academic_year)} began: import years in order",
            )
        )
    return problems
