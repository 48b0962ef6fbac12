"""Writes to the national network: the hub areas and allocations import, and the ONS local-authority seed.

Both are idempotent: loading the same data twice changes nothing (no row is saved, so no `updated_at`
moves) and the result counts say so. Both read what exists in a few queries and write in bulk, because
the demo loads the seed on every start.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.db.models import F, Model
from django.utils import timezone
from django.utils.text import slugify

from tutti.network.importing.hub_allocations.parsing import (
    HubAllocationRow,
    conflicts_between_rows,
    parse_hub_allocations,
)
from tutti.network.importing.lead_organisations import infer_kind
from tutti.network.importing.ons_authorities import AuthorityRecord, read_authorities, read_boundaries
from tutti.network.importing.problems import ImportRejectedError
from tutti.network.importing.references import appointment_start, codes_for_names, database_problems
from tutti.network.importing.results import (
    ChangeCounts,
    HubAllocationsImportResult,
    LocalAuthoritiesLoadResult,
    LocalAuthorityMove,
)
from tutti.network.importing.tabular import read_rows
from tutti.network.models import (
    FundingAllocation,
    HubArea,
    LeadAppointment,
    LeadOrganisation,
    LocalAuthority,
    NetworkRevision,
    Region,
)

Stream = FundingAllocation.Stream
SPLIT_STREAMS = frozenset({Stream.REVENUE, Stream.CAPITAL})


def _set_changed(instance: Model, values: Mapping[str, object]) -> list[str]:
    """Set the fields whose value differs and say which; None means the file does not say, so keep."""
    changed = [name for name, value in values.items() if value is not None and getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, values[name])
    return changed


def _unique_slug(name: str, taken: set[str]) -> str:
    """slugify(name), cut to the field's length, with -2, -3... when another area has it already."""
    max_length = HubArea._meta.get_field("slug").max_length or 100
    base = slugify(name)[:max_length].strip("-") or "hub-area"
    slug, number = base, 1
    while slug in taken:
        number += 1
        suffix = f"-{number}"
        slug = base[: max_length - len(suffix)].strip("-") + suffix
    taken.add(slug)
    return slug


def _import_areas(rows: Sequence[HubAllocationRow], result: HubAllocationsImportResult) -> dict[str, HubArea]:
    everything = list(HubArea.objects.all())
    by_name = {area.name.casefold(): area for area in everything}
    taken_slugs = {area.slug for area in everything}
    areas: dict[str, HubArea] = {}
    new: list[HubArea] = []
    for row in rows:
        sources = "\n".join(row.sources) if row.sources is not None else None
        area = by_name.get(row.area.casefold())
        if area is None:
            area = HubArea(name=row.area, slug=_unique_slug(row.area, taken_slugs), sources=sources or "")
            if row.verification is not None:
                area.verification = row.verification
            new.append(area)
        else:
            changed = _set_changed(area, {"name": row.area, "verification": row.verification, "sources": sources})
            if changed:
                area.save(update_fields=[*changed, "updated_at"])
                result.areas.updated += 1
            else:
                result.areas.unchanged += 1
        areas[row.area] = area
    HubArea.objects.bulk_create(new)
    result.areas.created = len(new)
    chosen = {area.pk for area in areas.values()}
    result.areas_not_in_file = sorted(area.name for area in everything if area.pk not in chosen)
    return areas


def _assign_local_authorities(
    rows: Sequence[HubAllocationRow], areas: Mapping[str, HubArea], result: HubAllocationsImportResult
) -> None:
    codes = [code for row in rows for code in row.la_codes]
    by_code = {la.ons_code: la for la in LocalAuthority.objects.filter(ons_code__in=codes).select_related("hub_area")}
    changed: list[LocalAuthority] = []
    for row in rows:
        area = areas[row.area]
        for code in row.la_codes:
            authority = by_code[code]
            if authority.hub_area_id != area.pk:
                previous = authority.hub_area.name if authority.hub_area else None
                result.local_authority_moves.append(LocalAuthorityMove(authority.name, previous, area.name))
                authority.hub_area = area
                changed.append(authority)
    LocalAuthority.objects.bulk_update(changed, ["hub_area"])


def _import_leads(
    rows: Sequence[HubAllocationRow],
    areas: Mapping[str, HubArea],
    academic_year: int,
    result: HubAllocationsImportResult,
) -> None:
    """A named lead is appointed from 1 September; a different lead ends the current appointment the day before.

    A blank lead means the file does not publish one, so an existing appointment is left as it is.
    """
    starts_on = appointment_start(academic_year)
    named = [row for row in rows if row.lead_organisation]
    names = {row.lead_organisation for row in named if row.lead_organisation}
    organisations = {org.name: org for org in LeadOrganisation.objects.filter(name__in=names)}
    new_organisations = [
        LeadOrganisation(name=name, kind=infer_kind(name)) for name in sorted(names - organisations.keys())
    ]
    LeadOrganisation.objects.bulk_create(new_organisations)
    organisations.update({org.name: org for org in new_organisations})
    result.lead_organisations_created = len(new_organisations)

    current = {
        appointment.hub_area_id: appointment
        for appointment in LeadAppointment.objects.current().filter(hub_area__in=[areas[row.area] for row in named])
    }
    opened: list[LeadAppointment] = []
    for row in named:
        area, organisation = areas[row.area], organisations[row.lead_organisation or ""]
        appointment = current.get(area.pk)
        if appointment is not None and appointment.organisation_id == organisation.pk:
            result.appointments.unchanged += 1
            continue
        if appointment is not None and appointment.starts_on == starts_on:
            # The same year's file names someone else: the earlier import was wrong, not the lead changed.
            appointment.organisation = organisation
            appointment.save(update_fields=["organisation", "updated_at"])
            result.appointments.corrected += 1
            continue
        if appointment is not None:
            appointment.ends_on = starts_on - timedelta(days=1)
            appointment.save(update_fields=["ends_on", "updated_at"])
            result.appointments.ended += 1
        opened.append(LeadAppointment(hub_area=area, organisation=organisation, starts_on=starts_on))
    LeadAppointment.objects.bulk_create(opened)
    result.appointments.opened = len(opened)


def published_streams(row: HubAllocationRow) -> dict[str, int]:
    """The allocations a row publishes: its revenue and capital, or its total as COMBINED when neither part is.

    When a part is published the total is only checked (by the parser), never stored, so an area never
    holds both a split and a combined figure for one year.
    """
    streams = {Stream.REVENUE: row.revenue_pence, Stream.CAPITAL: row.capital_pence}
    published = {str(stream): pence for stream, pence in streams.items() if pence is not None}
    if not published and row.total_pence is not None:
        published[Stream.COMBINED] = row.total_pence
    return published


def _import_allocations(
    rows: Sequence[HubAllocationRow],
    areas: Mapping[str, HubArea],
    academic_year: int,
    result: HubAllocationsImportResult,
) -> None:
    existing = {
        (allocation.hub_area_id, allocation.stream): allocation
        for allocation in FundingAllocation.objects.filter(
            academic_year=academic_year, hub_area__in=list(areas.values())
        )
    }
    new: list[FundingAllocation] = []
    superseded: list[int] = []
    for row in rows:
        area, published = areas[row.area], published_streams(row)
        if not published:
            continue  # nothing published here: figures held from another source stay
        source = "\n".join(row.sources) if row.sources is not None else None
        for stream, pence in published.items():
            allocation = existing.get((area.pk, stream))
            if allocation is None:
                new.append(
                    FundingAllocation(
                        hub_area=area,
                        academic_year=academic_year,
                        stream=stream,
                        amount_pence=pence,
                        source=source or "",
                    )
                )
                continue
            changed = _set_changed(allocation, {"amount_pence": pence, "source": source})
            if changed:
                allocation.save(update_fields=[*changed, "updated_at"])
                result.allocations.updated += 1
            else:
                result.allocations.unchanged += 1
        # A split replaces a combined figure for the year, and a combined figure replaces a split.
        conflicting = {Stream.COMBINED} if published.keys() & SPLIT_STREAMS else SPLIT_STREAMS
        superseded += [existing[(area.pk, s)].pk for s in conflicting if (area.pk, s) in existing]
    result.allocations.removed, _ = FundingAllocation.objects.filter(pk__in=superseded).delete()
    FundingAllocation.objects.bulk_create(new)
    result.allocations.created = len(new)


@transaction.atomic
def hub_allocations_import(*, rows: Sequence[HubAllocationRow], academic_year: int) -> HubAllocationsImportResult:
    """Bring the hub areas, their local authorities, leads and one year's allocations into line with the rows.

    `rows` come from `parse_hub_allocations` with no problems. The rows are checked again against each
    other and the database (unknown local authorities, a lead change older than the current lead) and
    ImportRejectedError is raised, with nothing written, if any is wrong. Areas in the database but not
    in the rows are left alone and listed in the result.
    """
    problems = conflicts_between_rows(rows) + database_problems(rows=rows, academic_year=academic_year)
    if problems:
        raise ImportRejectedError(problems)
    result = HubAllocationsImportResult(academic_year=academic_year)
    areas = _import_areas(rows, result)
    _assign_local_authorities(rows, areas, result)
    _import_leads(rows, areas, academic_year, result)
    _import_allocations(rows, areas, academic_year, result)
    if result.changed:
        network_revision_bump()
    return result


def network_revision_bump() -> None:
    """Mark the public network data as changed, so every process stops serving pages cached before now.

    Call it inside the transaction that changes the data: the new revision is seen with the change.
    """
    updated = NetworkRevision.objects.filter(pk=1).update(number=F("number") + 1, changed_at=timezone.now())
    if not updated:
        NetworkRevision.objects.create(pk=1, number=1)


def _load_regions(records: Iterable[AuthorityRecord], result: LocalAuthoritiesLoadResult) -> dict[str, Region]:
    names = {record.region_code: record.region_name for record in records}
    regions = {region.code: region for region in Region.objects.filter(code__in=names)}
    new = [Region(code=code, name=name) for code, name in sorted(names.items()) if code not in regions]
    renamed = [region for code, region in regions.items() if region.name != names[code]]
    for region in renamed:
        region.name = names[region.code]
    Region.objects.bulk_update(renamed, ["name"])
    Region.objects.bulk_create(new)
    regions.update({region.code: region for region in new})
    result.regions = ChangeCounts(
        created=len(new), updated=len(renamed), unchanged=len(names) - len(new) - len(renamed)
    )
    return regions


@transaction.atomic
def local_authorities_load(
    *, records: Sequence[AuthorityRecord], boundaries: Mapping[str, str]
) -> LocalAuthoritiesLoadResult:
    """Create or update the regions and upper-tier local authorities of the ONS lookup, with their boundaries.

    An authority's hub area is the hub import's business and is never touched here. A boundary missing
    from `boundaries` leaves the stored one as it is.
    """
    result = LocalAuthoritiesLoadResult()
    regions = _load_regions(records, result)
    existing = {la.ons_code: la for la in LocalAuthority.objects.filter(ons_code__in=[r.ons_code for r in records])}
    new: list[LocalAuthority] = []
    changed: list[LocalAuthority] = []
    fields = ["name", "kind", "dfe_code", "region_id", "boundary_svg"]
    for record in records:
        wanted = {
            "name": record.name,
            "kind": record.kind,
            "dfe_code": record.dfe_code,
            "region_id": regions[record.region_code].pk,
            "boundary_svg": boundaries.get(record.ons_code),
        }
        authority = existing.get(record.ons_code)
        if authority is None:
            wanted["boundary_svg"] = wanted["boundary_svg"] or ""
            new.append(LocalAuthority(ons_code=record.ons_code, **wanted))
            continue
        differs = [name for name in fields if wanted[name] is not None and getattr(authority, name) != wanted[name]]
        differs += ["dfe_code"] if record.dfe_code is None and authority.dfe_code is not None else []
        for name in differs:
            setattr(authority, name, wanted[name])
        if differs:
            changed.append(authority)
    LocalAuthority.objects.bulk_update(changed, ["name", "kind", "dfe_code", "region", "boundary_svg"])
    LocalAuthority.objects.bulk_create(new)
    result.local_authorities = ChangeCounts(
        created=len(new), updated=len(changed), unchanged=len(records) - len(new) - len(changed)
    )
    if new or changed or result.regions.created or result.regions.updated:
        network_revision_bump()
    return result


@transaction.atomic
def hub_allocations_import_file(*, path: Path, academic_year: int | None = None) -> HubAllocationsImportResult:
    """Import an XLSX or CSV file of hub areas and allocations: every row is checked before anything is written.

    The header may sit below a title and notes; local authorities are given by ONS code or, in a file
    without codes, by ONS name. Raises UnreadableFileError when the file cannot be read, and
    ImportRejectedError listing every problem (line, column, reason) when any row is wrong.
    `academic_year` overrides a year in the headers.
    """
    parsed = parse_hub_allocations(read_rows(path), academic_year=academic_year)
    rows, name_problems = codes_for_names(parsed.rows, columns=parsed.columns)
    problems = [
        *parsed.problems,
        *name_problems,
        *conflicts_between_rows(rows, columns=parsed.columns),
        *database_problems(rows=rows, academic_year=parsed.academic_year, columns=parsed.columns),
    ]
    if problems or parsed.academic_year is None:
        raise ImportRejectedError(problems)
    result = hub_allocations_import(rows=rows, academic_year=parsed.academic_year)
    result.warnings = parsed.warnings
    return result


SEED_AUTHORITIES = "england_ctyua_2024.csv"
SEED_BOUNDARIES = "england_ctyua_2024.geojson"
SEED_HUBS = "hubs_2024.csv"
SEED_HUBS_YEAR = 2024  # the compiled hub list gives 2024/25 figures


@transaction.atomic
def network_seed_load(*, seed_dir: Path) -> tuple[LocalAuthoritiesLoadResult, HubAllocationsImportResult]:
    """Load the shipped seed: ONS regions and local authorities with boundaries, then the 2024 hub areas.

    All or nothing: a problem in any file raises ImportRejectedError and leaves the database as it was.
    """
    authorities = read_authorities(seed_dir / SEED_AUTHORITIES)
    if authorities.problems:
        raise ImportRejectedError(authorities.problems)
    boundaries = read_boundaries(seed_dir / SEED_BOUNDARIES)
    loaded = local_authorities_load(records=authorities.records, boundaries=boundaries)
    codes = {record.ons_code for record in authorities.records}
    if missing := sorted(codes - boundaries.keys()):
        loaded.warnings.append(f"{SEED_BOUNDARIES} has no boundary for {', '.join(missing)}")
    if extra := sorted(boundaries.keys() - codes):
        loaded.warnings.append(f"{SEED_BOUNDARIES} has boundaries for unknown codes {', '.join(extra)}: ignored")
    hubs = hub_allocations_import_file(path=seed_dir / SEED_HUBS, academic_year=SEED_HUBS_YEAR)
    return loaded, hubs
