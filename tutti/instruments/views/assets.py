"""The asset register: the list, one asset's full history, adding, changing, retiring and repairs."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.instruments import selectors
from tutti.instruments.filters import AssetFilterSet
from tutti.instruments.forms import AssetForm, RepairFinishForm, RepairStartForm, RetireForm
from tutti.instruments.models import Asset, Condition, Repair
from tutti.instruments.roles import INSTRUMENT_STAFF
from tutti.instruments.services.assets import asset_create, asset_retire, asset_update, repair_finish, repair_start
from tutti.learners.views.requests import hub_of, user_of

LIST_SIZE = 500


def asset_of(request: HttpRequest, public_id: str) -> Asset:
    return hub_object_or_404(request, selectors.asset_for_page(hub_of(request)), public_id=public_id)


def refused(request: HttpRequest, error: ValidationError) -> None:
    """A service's refusal, shown on the next page as an error banner."""
    messages.error(request, " ".join(error.messages))


@hub_role_required(*INSTRUMENT_STAFF)
def asset_list(request: HttpRequest) -> HttpResponse:
    """The hub's asset register, filtered and sorted."""
    filterset = AssetFilterSet(request.GET or None, queryset=selectors.assets_for_list(hub_of(request)))
    assets = list(filterset.qs[: LIST_SIZE + 1])
    context = {"filter": filterset, "assets": assets[:LIST_SIZE], "truncated": len(assets) > LIST_SIZE}
    return render(request, "instruments/asset_list.html", context)


@hub_role_required(*INSTRUMENT_STAFF)
def asset_new(request: HttpRequest) -> HttpResponse:
    form = AssetForm(request.POST or None, hub=hub_of(request), initial={"funding": Asset.Funding.CAPITAL_GRANT})
    if request.method == "POST" and form.is_valid():
        asset = asset_create(hub=hub_of(request), by=user_of(request), request=request, **form.asset_fields())
        messages.success(request, f"{asset.asset_tag} added to the register.")
        return redirect("instruments:asset", public_id=asset.public_id)
    return render(request, "instruments/asset_form.html", {"form": form, "asset": None})


@hub_role_required(*INSTRUMENT_STAFF)
def asset_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    asset = asset_of(request, public_id)
    form = AssetForm(request.POST or None, instance=asset, hub=hub_of(request))
    if request.method == "POST" and form.is_valid():
        fields = form.asset_fields()
        asset.refresh_from_db()  # the form wrote onto the instance: the service compares with what is stored
        asset_update(asset=asset, by=user_of(request), request=request, **fields)
        messages.success(request, f"{asset.asset_tag} saved.")
        return redirect("instruments:asset", public_id=asset.public_id)
    return render(request, "instruments/asset_form.html", {"form": form, "asset": asset})


@hub_role_required(*INSTRUMENT_STAFF)
def asset_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    """One asset and its whole history: every loan and every repair."""
    asset = asset_of(request, public_id)
    loans = list(asset.loans.all())
    repairs = list(asset.repairs.all())
    context = {
        "asset": asset,
        "loans": loans,
        "open_loan": next((loan for loan in loans if loan.status in ("awaiting_agreement", "out")), None),
        "repairs": repairs,
        "open_repair": next((repair for repair in repairs if repair.outcome == Repair.Outcome.PENDING), None),
        "today": timezone.localdate(),
    }
    return render(request, "instruments/asset_detail.html", context)


@hub_role_required(*INSTRUMENT_STAFF)
def asset_retire_view(request: HttpRequest, public_id: str) -> HttpResponse:
    asset = asset_of(request, public_id)
    form = RetireForm(request.POST or None, initial={"retired_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            asset_retire(
                asset=asset, on=form.cleaned_data["retired_on"], reason=form.cleaned_data["reason"],
                by=user_of(request), request=request,
            )  # fmt: skip
        except ValidationError as error:
            refused(request, error)
        else:
            messages.success(request, f"{asset.asset_tag} retired: it stays in the register, archived.")
        return redirect("instruments:asset", public_id=asset.public_id)
    return render(request, "instruments/action_form.html", _action(asset, form, "Retire", "Retire the asset"))


def _action(asset: Asset, form: object, title: str, button: str) -> dict[str, object]:
    return {"asset": asset, "form": form, "title": f"{title} {asset.asset_tag}", "button": button}


@hub_role_required(*INSTRUMENT_STAFF)
def repair_start_view(request: HttpRequest, public_id: str) -> HttpResponse:
    asset = asset_of(request, public_id)
    form = RepairStartForm(request.POST or None, initial={"sent_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            repair_start(asset=asset, by=user_of(request), request=request, **form.cleaned_data)
        except ValidationError as error:
            refused(request, error)
        else:
            messages.success(request, f"{asset.asset_tag} is in repair with {form.cleaned_data['supplier']}.")
        return redirect("instruments:asset", public_id=asset.public_id)
    return render(request, "instruments/action_form.html", _action(asset, form, "Send for repair:", "Send for repair"))


@hub_role_required(*INSTRUMENT_STAFF)
def repair_finish_view(request: HttpRequest, public_id: str) -> HttpResponse:
    asset = asset_of(request, public_id)
    repair = hub_object_or_404(request, Repair.objects.open(), asset=asset)
    form = RepairFinishForm(request.POST or None, sent_on=repair.sent_on, initial={"returned_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        finished = repair_finish(
            repair=repair, returned_on=data["returned_on"], outcome=Repair.Outcome(data["outcome"]),
            cost_pence=data["cost"], condition=Condition(data["condition"]), notes=data["notes"],
            by=user_of(request), request=request,
        )  # fmt: skip
        messages.success(request, f"{asset.asset_tag}: repair recorded ({finished.get_outcome_display().lower()}).")
        return redirect("instruments:asset", public_id=asset.public_id)
    return render(
        request, "instruments/action_form.html", _action(asset, form, "Back from repair:", "Record the repair")
    )
