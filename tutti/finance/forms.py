"""Forms of the finance pages: input into typed values and field errors; the services check the rest."""

from typing import Any

from django import forms

from tutti.core import academic_year
from tutti.finance.models import BudgetLine, Grant, IncomeSource
from tutti.network.models import HubArea, StrategicFunction
from tutti.partners.forms.agreements import AcademicYearField, PoundsField
from tutti.partners.forms.widgets import DATE_ERRORS, DateInput


class PositivePoundsField(PoundsField):
    """An amount in pounds, more than £0."""

    def clean(self, value: Any) -> int:
        pence = super().clean(value)
        if pence == 0 and self.required:
            raise forms.ValidationError("Enter an amount more than £0")
        return pence


def _date(label: str, *, required: bool = True, missing: str = "") -> forms.DateField:
    errors = {**DATE_ERRORS, "required": missing or f"Enter the {label.lower()}"}
    return forms.DateField(label=label, required=required, widget=DateInput(), error_messages=errors)


REFERENCE_HELP = "The transaction's reference in the finance system, if it has one."


class GrantForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of grant",
        choices=Grant.Kind.choices,
        widget=forms.RadioSelect,
        help_text="A DfE grant's funder and amount are the hub's published allocation for the year.",
        error_messages={"required": "Choose the kind of grant"},
    )
    academic_year = AcademicYearField()
    name = forms.CharField(label="Name of the grant", max_length=200, required=False, help_text="Other grants only.")
    funder = forms.CharField(label="Funder", max_length=200, required=False, help_text="Other grants only.")
    amount_pence = PoundsField(label="Amount awarded", required=False)
    starts_on = _date("Starts on", required=False)
    ends_on = _date("Ends on", required=False)
    restricted = forms.BooleanField(label="Restricted: to be spent only as the funder says", required=False)
    conditions = forms.CharField(
        label="Conditions", required=False, widget=forms.Textarea(attrs={"rows": 4}), help_text="In the funder's words."
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Grant.Kind.OTHER:
            for name, message in [
                ("name", "Enter the name of the grant"),
                ("funder", "Enter the funder"),
                ("starts_on", "Enter the date the grant starts"),
                ("ends_on", "Enter the date the grant ends"),
            ]:
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, message)
            if not data.get("amount_pence") and "amount_pence" not in self.errors:
                self.add_error("amount_pence", "Enter the amount awarded, more than £0")
        return data


class GrantDeadlineForm(forms.Form):
    report = forms.CharField(
        label="Report due", max_length=200, help_text="For example 'Interim report'.",
        error_messages={"required": "Enter what is due"},
    )  # fmt: skip
    due_on = _date("Due on", missing="Enter the date it is due")


class GrantPaymentForm(forms.Form):
    received_on = _date("Received on", missing="Enter the date the payment was received")
    amount_pence = PositivePoundsField(label="Amount received", error_messages={"required": "Enter the amount"})
    reference = forms.CharField(label="Reference", max_length=60, required=False, help_text=REFERENCE_HELP)


class FunctionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class BudgetLineForm(forms.Form):
    academic_year = AcademicYearField()
    function = FunctionChoiceField(
        label="Strategic function",
        queryset=StrategicFunction.objects.order_by("position"),
        empty_label="Choose a function",
        error_messages={"required": "Choose the strategic function the line serves"},
    )
    name = forms.CharField(
        label="Budget line", max_length=200, help_text="For example 'Whole-class teaching staff'.",
        error_messages={"required": "Enter the name of the budget line"},
    )  # fmt: skip
    code = forms.CharField(
        label="Code in the finance system", max_length=40, required=False,
        help_text="Imported spending lines name their budget line by this code.",
    )  # fmt: skip
    amount_pence = PoundsField(label="Budget for the year", error_messages={"required": "Enter the budget"})


class IncomeForm(forms.Form):
    source = forms.ChoiceField(
        label="Source",
        choices=[("", "Choose a source"), *IncomeSource.choices],
        error_messages={"required": "Choose where the income came from"},
    )
    booked_on = _date("Received on", missing="Enter the date it was received")
    amount_pence = PositivePoundsField(label="Amount", error_messages={"required": "Enter the amount"})
    description = forms.CharField(
        label="Description", max_length=300, error_messages={"required": "Enter what the income is"}
    )
    reference = forms.CharField(label="Reference", max_length=60, required=False, help_text=REFERENCE_HELP)


class BudgetLineChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.function.name}, {academic_year.label(obj.academic_year)})"


class SpendingForm(forms.Form):
    budget_line = BudgetLineChoiceField(
        label="Budget line",
        queryset=BudgetLine.objects.none(),
        empty_label="Choose a budget line",
        error_messages={"required": "Choose the budget line it is charged to"},
    )
    booked_on = _date("Spent on", missing="Enter the date it was spent")
    amount_pence = PositivePoundsField(label="Amount", error_messages={"required": "Enter the amount"})
    description = forms.CharField(label="Description", max_length=300, error_messages={"required": "Enter what it was"})
    reference = forms.CharField(label="Reference", max_length=60, required=False, help_text=REFERENCE_HELP)

    def __init__(self, *args: Any, hub: HubArea, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lines = BudgetLine.objects.for_hub(hub).select_related("function")
        self.fields["budget_line"].queryset = lines  # type: ignore[attr-defined]


class FinanceImportForm(forms.Form):
    export = forms.FileField(
        label="Finance system export",
        help_text="A CSV (UTF-8) or XLSX file with the columns listed below.",
        error_messages={"required": "Choose the export file to import"},
    )
