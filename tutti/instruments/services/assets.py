"""Adding, changing and retiring assets, and sending them for repair and back.

``asset_problems`` is the one statement of what makes an asset's fields whole: the form turns it into
field errors and the importer into line-numbered ones, so the two never disagree.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.services import audit_record
from tutti.instruments.models import Asset, Condition, Repair
from tutti.network.models import HubArea

# The fields a person sets on an asset (the form's and the importer's); status and retirement are the services'.
ASSET_FIELDS = (
    "asset_tag", "kind", "instrument", "item", "size", "make", "model", "serial_number", "adaptive",
    "adaptive_purpose", "condition", "location_kind", "store_name", "school", "tutor", "purchased_on",
    "cost_pence", "funding", "capital_year",
)  # fmt: skip
_LOCATION_FIELDS = {
    Asset.LocationKind.STORE: "store_name",
    Asset.LocationKind.SCHOOL: "school",
    Asset.LocationKind.TUTOR: "tutor",
}
_LOCATION_EMPTY: dict[str, Any] = {"store_name": "", "school": None, "tutor": None}


def asset_problems(values: dict[str, Any]) -> dict[str, str]:
    """What is missing or contradictory in an asset's fields, by field name (empty when whole)."""
    problems: dict[str, str] = {}
    if values.get("kind") == Asset.Kind.INSTRUMENT and values.get("instrument") is None:
        problems["instrument"] = "Choose the instrument type of an instrument"
    elif values.get("instrument") is None and not values.get("item"):
        problems["item"] = "Enter what the equipment or technology is"
    if values.get("adaptive") and not values.get("adaptive_purpose"):
        problems["adaptive_purpose"] = "Enter what the adaptive or SEND-specific asset is for"
    funding, year = values.get("funding"), values.get("capital_year")
    if funding == Asset.Funding.CAPITAL_GRANT and year is None:
        problems["capital_year"] = "Enter the academic year of the capital grant that paid for it, like 2024/25"
    elif funding != Asset.Funding.CAPITAL_GRANT and year is not None:
        problems["capital_year"] = "A capital grant year is only for assets the capital grant paid for"
    place_field = _LOCATION_FIELDS.get(values.get("location_kind", ""))
    if place_field is not None and not values.get(place_field):
        label = {"store_name": "the store's name", "school": "the school", "tutor": "the tutor"}[place_field]
        problems[place_field] = f"Enter {label} where it is kept"
    return problems


def normalised(fields: dict[str, Any]) -> dict[str, Any]:
    """Only the location the kind names is kept (a store's asset has no school or tutor)."""
    place_field = _LOCATION_FIELDS[Asset.LocationKind(fields["location_kind"])]
    return {**fields, **{name: value for name, value in _LOCATION_EMPTY.items() if name != place_field}}


def _refuse_unknown(fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(ASSET_FIELDS)
    if unknown:
        raise TypeError(f"Not an asset field a person sets: {', '.join(sorted(unknown))}")


def _audit(*, asset: Asset, by: User | None, request: HttpRequest | None, what: str) -> None:
    audit_record(
        action=AuditEvent.Action.ASSET_CHANGED,
        hub=asset.hub,
        actor=by,
        request=request,
        detail=f"{asset.asset_tag} {what}",
    )


@transaction.atomic
def asset_create(*, hub: HubArea, by: User | None, request: HttpRequest | None = None, **fields: Any) -> Asset:
    """Add an asset to the hub's register, available; audited. ``fields`` are among ASSET_FIELDS."""
    _refuse_unknown(fields)
    asset = Asset.objects.create(hub=hub, **normalised(fields))
    _audit(asset=asset, by=by, request=request, what="added")
    return asset


@transaction.atomic
def asset_update(*, asset: Asset, by: User | None, request: HttpRequest | None = None, **changes: Any) -> list[str]:
    """Change an asset's fields; returns (and audits) the names of the fields that changed."""
    _refuse_unknown(changes)
    merged = normalised({name: getattr(asset, name) for name in ASSET_FIELDS} | changes)
    changed = sorted(name for name, value in merged.items() if getattr(asset, name) != value)
    if not changed:
        return []
    for name in changed:
        setattr(asset, name, merged[name])
    asset.save()
    _audit(asset=asset, by=by, request=request, what=f"changed: {', '.join(changed)}")
    return changed


def _locked(asset: Asset) -> Asset:
    """The asset's row, locked until the transaction ends, so two changes of its status queue up."""
    return Asset.objects.select_for_update().get(pk=asset.pk)


@transaction.atomic
def asset_retire(*, asset: Asset, on: date, reason: str, by: User, request: HttpRequest | None = None) -> Asset:
    """Archive an asset (never deleted): only one that is available, not lent, reserved or in repair."""
    asset = _locked(asset)
    if asset.status != Asset.Status.AVAILABLE:
        raise ValidationError(
            f"{asset.asset_tag} is {asset.get_status_display().lower()}: only an available asset can be retired."
        )
    asset.status, asset.retired_on, asset.retired_reason = Asset.Status.RETIRED, on, reason
    asset.save(update_fields=["status", "retired_on", "retired_reason", "updated_at"])
    _audit(asset=asset, by=by, request=request, what=f"retired: {reason}")
    return asset


@transaction.atomic
def repair_start(
    *, asset: Asset, sent_on: date, supplier: str, fault: str, by: User, request: HttpRequest | None = None
) -> Repair:
    """Send an available asset for repair; it is in repair until the repair is finished."""
    asset = _locked(asset)
    if asset.status != Asset.Status.AVAILABLE:
        raise ValidationError(
            f"{asset.asset_tag} is {asset.get_status_display().lower()}: take it back first, then send it for repair."
        )
    repair = Repair.objects.create(asset=asset, sent_on=sent_on, supplier=supplier, fault=fault, recorded_by=by)
    asset.status = Asset.Status.IN_REPAIR
    asset.save(update_fields=["status", "updated_at"])
    audit_record(
        action=AuditEvent.Action.REPAIR_RECORDED, hub=asset.hub, actor=by, request=request,
        detail=f"{asset.asset_tag} sent to {supplier}",
    )  # fmt: skip
    return repair


@transaction.atomic
def repair_finish(
    *,
    repair: Repair,
    returned_on: date,
    outcome: Repair.Outcome,
    cost_pence: int | None,
    condition: Condition,
    notes: str = "",
    by: User,
    request: HttpRequest | None = None,
) -> Repair:
    """Record what came back: repaired (available again, in the given condition) or beyond repair (retired)."""
    asset = _locked(repair.asset)
    repair = Repair.objects.select_for_update().get(pk=repair.pk)
    if repair.outcome != Repair.Outcome.PENDING:
        raise ValidationError("This repair is already finished.")
    if returned_on < repair.sent_on:
        raise ValidationError({"returned_on": f"It cannot be back before it was sent ({repair.sent_on:%d/%m/%Y})."})
    repair.returned_on, repair.outcome, repair.cost_pence, repair.notes = returned_on, outcome, cost_pence, notes
    repair.save()
    if outcome == Repair.Outcome.REPAIRED:
        asset.status, asset.condition = Asset.Status.AVAILABLE, condition
        asset.save(update_fields=["status", "condition", "updated_at"])
    else:
        asset.status, asset.condition = Asset.Status.RETIRED, Condition.UNUSABLE
        asset.retired_on, asset.retired_reason = returned_on, f"Beyond economic repair ({repair.supplier})"
        asset.save(update_fields=["status", "condition", "retired_on", "retired_reason", "updated_at"])
    audit_record(
        action=AuditEvent.Action.REPAIR_RECORDED, hub=asset.hub, actor=by, request=request,
        detail=f"{asset.asset_tag} back from {repair.supplier}: {repair.get_outcome_display().lower()}",
    )  # fmt: skip
    return repair
