"""What an import changed, counted so that a second run of the same file can say it changed nothing."""

from dataclasses import dataclass, field

from tutti.core import academic_year as academic_years
from tutti.network.importing.problems import Problem


@dataclass
class ChangeCounts:
    """How many rows of one kind an import created, changed, left as they were, or removed."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    def __str__(self) -> str:
        text = f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"
        return text + (f", {self.removed} removed" if self.removed else "")


@dataclass
class AppointmentChanges:
    """Lead appointments opened, ended (the lead changed), corrected (same start, other lead) or unchanged."""

    opened: int = 0
    ended: int = 0
    corrected: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return f"{self.opened} opened, {self.ended} ended, {self.corrected} corrected, {self.unchanged} unchanged"


@dataclass(frozen=True)
class LocalAuthorityMove:
    """A local authority placed in an area (from_area None: it had none) or moved from one area to another."""

    name: str
    from_area: str | None
    to_area: str


@dataclass
class HubAllocationsImportResult:
    """What `hub_allocations_import` changed; `changed` is False when the file was already imported."""

    academic_year: int
    areas: ChangeCounts = field(default_factory=ChangeCounts)
    allocations: ChangeCounts = field(default_factory=ChangeCounts)
    appointments: AppointmentChanges = field(default_factory=AppointmentChanges)
    lead_organisations_created: int = 0
    local_authority_moves: list[LocalAuthorityMove] = field(default_factory=list)
    areas_not_in_file: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            self.areas.created
            or self.areas.updated
            or self.allocations.created
            or self.allocations.updated
            or self.allocations.removed
            or self.appointments.opened
            or self.appointments.corrected
            or self.lead_organisations_created
            or self.local_authority_moves
        )

    def report_lines(self) -> list[str]:
        """The plain-text account a person running the import reads."""
        year = academic_years.label(self.academic_year)
        lines = [
            f"Hub areas: {self.areas}.",
            f"Funding allocations for {year}: {self.allocations}.",
            f"Lead appointments: {self.appointments}; {self.lead_organisations_created} lead organisations created.",
        ]
        placed = [move for move in self.local_authority_moves if move.from_area is None]
        moved = [move for move in self.local_authority_moves if move.from_area is not None]
        lines.append(f"Local authorities: {len(placed)} placed in an area, {len(moved)} moved between areas.")
        lines += [f"Moved {move.name} from {move.from_area} to {move.to_area}." for move in moved]
        if not self.changed:
            lines.append("Nothing changed: this file was already imported.")
        if self.areas_not_in_file:
            lines.append(
                f"Left alone ({len(self.areas_not_in_file)} in the database but not in this file): "
                + "; ".join(self.areas_not_in_file)
                + "."
            )
        lines += [f"Warning: {warning}" for warning in self.warnings]
        return lines


@dataclass
class LocalAuthoritiesLoadResult:
    """What loading the ONS lookup and boundaries changed."""

    regions: ChangeCounts = field(default_factory=ChangeCounts)
    local_authorities: ChangeCounts = field(default_factory=ChangeCounts)
    warnings: list[str] = field(default_factory=list)

    def report_lines(self) -> list[str]:
        lines = [f"Regions: {self.regions}.", f"Local authorities: {self.local_authorities}."]
        return lines + [f"Warning: {warning}" for warning in self.warnings]
