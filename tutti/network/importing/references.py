"""Checks of imported hub rows against what the database already holds (reads only)."""

import difflib
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from tutti.core import academic_year as academic_years
from tutti.network.importing.hub_allocations.columns import Column
from tutti.network.importing.hub_allocations.parsing import HubAllocationRow
from tutti.network.importing.problems import Problem
from tutti.network.models import ONS_LA_CODE, LeadAppointment, LocalAuthority


def appointment_start(academic_year: int) -> date:
    """A lead named for an academic year is appointed from its first day, 1 September."""
    return date(academic_year, 9, 1)


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _named_parts(name: str, authorities: dict[str, list[LocalAuthority]]) -> list[str]:
    """The names one list item holds: itself when it is a name (ONS writes 'Bristol, City of'), or else its
    comma-separated parts when every one of them is a name ('Barnet, Camden')."""
    parts = [part.strip() for part in name.split(",")]
    if _name_key(name) not in authorities and len(parts) > 1 and all(_name_key(p) in authorities for p in parts):
        return parts
    return [name]


def _unmatched(name: str, matches: list[LocalAuthority], authorities: dict[str, list[LocalAuthority]]) -> str:
    if matches:
        codes = ", ".join(authority.ons_code for authority in matches)
        return (
            f"'{name}' is the name of {len(matches)} local authorities ({codes}): "
            "give their codes in a column such as 'LA codes' instead"
        )
    close = difflib.get_close_matches(_name_key(name), authorities, n=1, cutoff=0.8)
    hint = f"did you mean '{authorities[close[0]][0].name}'?" if close else "use the name as ONS writes it"
    return f"no local authority is named '{name}': {hint}"


def codes_for_names(
    rows: Sequence[HubAllocationRow], *, columns: dict[Column, str] | None = None
) -> tuple[list[HubAllocationRow], list[Problem]]:
    """Rows of a file without a codes column, given the ONS codes of the local authorities they name.

    Names match ONS's names (ignoring case and spacing), in one query; a name that matches no authority or
    more than one is a problem naming it. The rows of a file with codes are returned as they are.
    """
    if not any(row.la_names for row in rows):
        return list(rows), []
    authorities: dict[str, list[LocalAuthority]] = {}
    for authority in LocalAuthority.objects.order_by("ons_code").only("ons_code", "name"):
        authorities.setdefault(_name_key(authority.name), []).append(authority)
    column = (columns or {}).get(Column.LA_NAMES, str(Column.LA_NAMES))
    resolved: list[HubAllocationRow] = []
    problems: list[Problem] = []
    for row in rows:
        found: dict[str, str] = {}
        for name in (part for item in row.la_names for part in _named_parts(item, authorities)):
            matches = authorities.get(_name_key(name), [])
            if len(matches) == 1:
                found[matches[0].ons_code] = matches[0].name
            else:
                problems.append(Problem(row.line, column, _unmatched(name, matches, authorities)))
        resolved.append(replace(row, la_codes=tuple(found), la_names=tuple(found.values())))
    return resolved, problems


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
