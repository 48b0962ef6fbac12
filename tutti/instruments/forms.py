"""Forms for the register, lending, returns, repairs and the import; each turns input into field errors.

Money is typed in pounds (``45`` or ``7.50``) and academic years like ``2024/25``; both are stored as the
services want them (pence, the start year). What makes an asset whole is ``asset_problems``, shared
with the importer.
"""

from datetime import date
from typing import Any, cast

from django import forms
from django.utils import timezone

from tutti.core import academic_year
from tutti.core.money import format_pence, parse_pounds
from tutti.instruments.models import Asset, Condition, Loan, Repair
from tutti.instruments.selectors import learner_by_reference
from tutti.instruments.services.assets import ASSET_FIELDS, asset_problems
from tutti.instruments.services.loans import Agreement
from tutti.network.models import HubArea
from tutti.programmes.forms.calendars import DATE_HINT, DateInput
from tutti.programmes.models import Instrument, StaffMember
from tutti.schools.models import School


def pence_from(text: str, *, what: str) -> int | None:
    """Pounds as typed into pence; None when blank; a ValidationError naming the field otherwise."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        pence = parse_pounds(text)
    except ValueError as error:
        raise forms.ValidationError(f"Enter the {what} in pounds, like 250 or 7.50 ({error}).") from None
    if pence < 0:
        raise forms.ValidationError(f"The {what} cannot be negative.")
    return pence


def _choices(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    return cast(forms.ModelChoiceField, form.fields[name])


class AssetForm(forms.ModelForm):
    """An asset's details; the cost in pounds and the capital year like 2024/25."""

    cost = forms.CharField(label="Cost (£)", required=False, help_text="What it cost, in pounds, like 249.99.")
    capital_year_text = forms.CharField(
        label="Capital grant year", required=False, help_text="Only for the capital grant: for example, 2024/25."
    )

    class Meta:
        model = Asset
        fields = [name for name in ASSET_FIELDS if name not in {"cost_pence", "capital_year"}]
        widgets = {
            "kind": forms.RadioSelect,
            "location_kind": forms.RadioSelect,
            "funding": forms.RadioSelect,
            "condition": forms.RadioSelect,
            "purchased_on": DateInput,
            "adaptive_purpose": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"purchased_on": DATE_HINT}

    def __init__(self, *args: Any, hub: HubArea, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hub = hub
        _choices(self, "instrument").queryset = Instrument.objects.all()
        _choices(self, "school").queryset = School.objects.in_hub_area(hub).open().order_by("name")
        _choices(self, "tutor").queryset = StaffMember.objects.for_hub(hub).current()
        if self.instance.pk and not self.is_bound:
            if self.instance.cost_pence is not None:
                self.initial["cost"] = format_pence(self.instance.cost_pence).replace("£", "").replace(",", "")
            if self.instance.capital_year is not None:
                self.initial["capital_year_text"] = academic_year.label(self.instance.capital_year)

    def clean_asset_tag(self) -> str:
        tag = self.cleaned_data["asset_tag"].strip()
        taken = Asset.objects.for_hub(self.hub).filter(asset_tag__iexact=tag).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(f"Another asset of the hub already has the tag {tag}.")
        return tag

    def clean_cost(self) -> int | None:
        return pence_from(self.cleaned_data.get("cost", ""), what="cost")

    def clean_capital_year_text(self) -> int | None:
        text = (self.cleaned_data.get("capital_year_text") or "").strip()
        if not text:
            return None
        try:
            return academic_year.parse(text)
        except ValueError as error:
            raise forms.ValidationError(f"Enter the capital grant year like 2024/25 ({error}).") from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        values = {**data, "capital_year": data.get("capital_year_text")}
        for name, message in asset_problems(values).items():
            self.add_error("capital_year_text" if name == "capital_year" else name, message)
        return data

    def asset_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        fields = {name: data[name] for name in ASSET_FIELDS if name in data}
        return fields | {"cost_pence": data.get("cost"), "capital_year": data.get("capital_year_text")}


class LendForm(forms.Form):
    """Lend an asset to a learner (by reference) or a school; a learner's guardian may have accepted already."""

    borrower = forms.ChoiceField(label="Lend to", choices=Loan.Borrower.choices, widget=forms.RadioSelect)
    learner_reference = forms.CharField(
        label="Learner reference", required=False, help_text="For a learner: their reference, like HRT-000123."
    )
    school = forms.ModelChoiceField(label="School", queryset=School.objects.none(), required=False)
    contact_email = forms.EmailField(
        label="School contact email (optional)", required=False, help_text="Overdue reminders go here."
    )
    lent_on = forms.DateField(label="Lent on", widget=DateInput, help_text=DATE_HINT)
    due_on = forms.DateField(label="Due back", widget=DateInput, help_text=DATE_HINT)
    hire_fee = forms.CharField(
        label="Hire fee per term (£, optional)", required=False, help_text="Leave blank for a free loan."
    )
    accepted_by = forms.CharField(
        label="Guardian who accepted the loan agreement",
        max_length=200,
        required=False,
        help_text="Leave blank to reserve the instrument until a guardian accepts.",
    )
    accepted_on = forms.DateField(label="Accepted on", widget=DateInput, required=False, help_text=DATE_HINT)
    agreement_method = forms.ChoiceField(
        label="How it reached the hub",
        choices=[("", "Choose"), *[c for c in Loan.AgreementMethod.choices if c[0] != Loan.AgreementMethod.PORTAL]],
        required=False,
    )

    def __init__(self, *args: Any, hub: HubArea, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hub = hub
        _choices(self, "school").queryset = School.objects.in_hub_area(hub).open().order_by("name")
        self.initial.setdefault("lent_on", timezone.localdate())

    def clean_hire_fee(self) -> int:
        return pence_from(self.cleaned_data.get("hire_fee", ""), what="hire fee") or 0

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("borrower") == Loan.Borrower.LEARNER:
            reference = (data.get("learner_reference") or "").strip()
            found = learner_by_reference(hub=self.hub, reference=reference) if reference else None
            if not reference:
                self.add_error("learner_reference", "Enter the learner's reference, like HRT-000123")
            elif found is None:
                self.add_error("learner_reference", f"No current learner of this hub has the reference {reference}")
            data["learner"] = found
            self._clean_agreement(data)
        elif data.get("borrower") == Loan.Borrower.SCHOOL and data.get("school") is None:
            self.add_error("school", "Choose the school borrowing it")
        lent_on, due_on = data.get("lent_on"), data.get("due_on")
        if lent_on and due_on and due_on < lent_on:
            self.add_error("due_on", "The due date must be on or after the day it is lent")
        return data

    def _clean_agreement(self, data: dict[str, Any]) -> None:
        accepted_by = (data.get("accepted_by") or "").strip()
        if not accepted_by:
            data["agreement"] = None
            return
        if data.get("accepted_on") is None:
            self.add_error("accepted_on", "Enter the day the guardian accepted the loan agreement")
        if not data.get("agreement_method"):
            self.add_error("agreement_method", "Choose how the signed agreement reached the hub")
        if data.get("accepted_on") and data.get("agreement_method"):
            method = Loan.AgreementMethod(data["agreement_method"])
            data["agreement"] = Agreement(accepted_by=accepted_by, accepted_on=data["accepted_on"], method=method)


class AgreementForm(forms.Form):
    """A guardian's acceptance that reached the hub on paper or by email."""

    accepted_by = forms.CharField(label="Guardian who accepted", max_length=200)
    accepted_on = forms.DateField(label="Accepted on", widget=DateInput, help_text=DATE_HINT)
    method = forms.ChoiceField(
        label="How it reached the hub",
        choices=[c for c in Loan.AgreementMethod.choices if c[0] != Loan.AgreementMethod.PORTAL],
        widget=forms.RadioSelect,
    )

    def agreement(self) -> Agreement:
        data = self.cleaned_data
        return Agreement(
            accepted_by=data["accepted_by"].strip(),
            accepted_on=data["accepted_on"],
            method=Loan.AgreementMethod(data["method"]),
        )


class ReturnForm(forms.Form):
    returned_on = forms.DateField(label="Returned on", widget=DateInput, help_text=DATE_HINT)
    condition = forms.ChoiceField(label="Condition on return", choices=Condition.choices, widget=forms.RadioSelect)
    notes = forms.CharField(label="Notes (optional)", max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("returned_on", timezone.localdate())


class RepairStartForm(forms.Form):
    sent_on = forms.DateField(label="Sent for repair on", widget=DateInput, help_text=DATE_HINT)
    supplier = forms.CharField(label="Repairer", max_length=200)
    fault = forms.CharField(label="What is wrong", max_length=300)


class RepairFinishForm(forms.Form):
    returned_on = forms.DateField(label="Back from repair on", widget=DateInput, help_text=DATE_HINT)
    outcome = forms.ChoiceField(
        label="Outcome", choices=[c for c in Repair.Outcome.choices if c[0] != "pending"], widget=forms.RadioSelect
    )
    cost = forms.CharField(label="Cost (£, optional)", required=False)
    condition = forms.ChoiceField(
        label="Condition now", choices=Condition.choices, initial=Condition.GOOD, widget=forms.RadioSelect
    )
    notes = forms.CharField(label="Notes (optional)", max_length=300, required=False)

    def __init__(self, *args: Any, sent_on: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sent_on = sent_on

    def clean_cost(self) -> int | None:
        return pence_from(self.cleaned_data.get("cost", ""), what="cost")

    def clean_returned_on(self) -> date:
        returned_on: date = self.cleaned_data["returned_on"]
        if returned_on < self.sent_on:
            raise forms.ValidationError(f"It cannot be back before it was sent ({self.sent_on:%d/%m/%Y}).")
        return returned_on


class RetireForm(forms.Form):
    retired_on = forms.DateField(label="Retired on", widget=DateInput, help_text=DATE_HINT)
    reason = forms.CharField(label="Why", max_length=200, help_text="For example: lost, sold, beyond repair.")


class ImportForm(forms.Form):
    file = forms.FileField(label="Asset register (CSV)", help_text="A CSV file with a header row.")
