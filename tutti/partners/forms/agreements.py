"""Forms for agreements, pass-through shares and the board."""

from typing import Any

from django import forms

from tutti.core import academic_year
from tutti.core.money import parse_pounds
from tutti.network.models import Aim, HubArea, LocalAuthority, StrategicFunction
from tutti.partners.forms.widgets import DATE_ERRORS, DateInput
from tutti.partners.models import Agreement, Partner


class AcademicYearField(forms.CharField):
    """`2024/25` in, 2024 out."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", "Academic year")
        kwargs.setdefault("help_text", "For example 2024/25.")
        kwargs.setdefault("error_messages", {"required": "Enter the academic year, like 2024/25"})
        super().__init__(**kwargs)

    def clean(self, value: Any) -> int:
        text = super().clean(value)
        try:
            return academic_year.parse(text)
        except ValueError as error:
            raise forms.ValidationError(f"{error}. Enter it like 2024/25") from None


class PoundsField(forms.CharField):
    """An amount in pounds (`£12,500` or `12500.50`) read into pence; never negative."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "In pounds, for example 12,500.")
        super().__init__(**kwargs)

    def clean(self, value: Any) -> int:
        text = super().clean(value)
        if not text:
            return 0
        try:
            pence = parse_pounds(text)
        except ValueError as error:
            raise forms.ValidationError(f"{error}: enter an amount in pounds, like 12,500") from None
        if pence < 0:
            raise forms.ValidationError("Enter an amount of £0 or more")
        return pence


class NamedChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name) if hasattr(obj, "name") else f"Aim {obj.number}: {obj.summary}"


class AgreementForm(forms.Form):
    academic_year = AcademicYearField()
    strategic_functions = NamedChoiceField(
        label="Strategic functions it contributes to",
        queryset=StrategicFunction.objects.order_by("position"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    aims = NamedChoiceField(
        label="Aims it contributes to",
        queryset=Aim.objects.order_by("number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    commitments = forms.CharField(
        label="Commitments",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what the partner commits to"},
    )
    cash_pence = PoundsField(label="Cash contribution", required=False)
    in_kind_pence = PoundsField(label="In-kind contribution", required=False)
    starts_on = forms.DateField(
        label="Starts on", widget=DateInput(), error_messages={**DATE_ERRORS, "required": "Enter the start date"}
    )
    ends_on = forms.DateField(
        label="Ends on", widget=DateInput(), error_messages={**DATE_ERRORS, "required": "Enter the end date"}
    )
    signed_by_name = forms.CharField(label="Signed by (name)", max_length=200, required=False)
    signed_by_role = forms.CharField(label="Signed by (role)", max_length=200, required=False)
    signed_on = forms.DateField(label="Signed on", required=False, widget=DateInput(), error_messages=DATE_ERRORS)

    def __init__(self, *args: Any, partner: Partner, agreement: Agreement | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partner, self.agreement = partner, agreement
        if agreement is not None:
            # A new year is a new agreement: the year of an existing one stays.
            del self.fields["academic_year"]

    def clean_academic_year(self) -> int:
        year: int = self.cleaned_data["academic_year"]
        if Agreement.objects.for_hub(self.partner.hub).filter(partner=self.partner, academic_year=year).exists():
            raise forms.ValidationError(f"{self.partner} already has an agreement for {academic_year.label(year)}")
        return year

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The end date must be the same as or after the start date")
        return data


class ObjectChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class ShareForm(forms.Form):
    academic_year = AcademicYearField()
    local_authority = ObjectChoiceField(
        label="Local authority",
        queryset=LocalAuthority.objects.none(),
        empty_label="Choose a local authority",
        error_messages={"required": "Choose the local authority"},
    )
    partner = ObjectChoiceField(
        label="Delivery partner",
        queryset=Partner.objects.none(),
        empty_label="Choose a partner",
        error_messages={"required": "Choose the partner"},
    )
    amount_pence = PoundsField(label="Amount", error_messages={"required": "Enter the amount"})

    def __init__(self, *args: Any, hub: HubArea, open_years: list[int], **kwargs: Any) -> None:
        """``open_years``: the years whose allocation is published, the only years a share can be checked in."""
        super().__init__(*args, **kwargs)
        self.hub, self.open_years = hub, open_years
        self.fields["local_authority"].queryset = (  # type: ignore[attr-defined]
            LocalAuthority.objects.filter(hub_area=hub).defer("boundary_svg").order_by("name")
        )
        self.fields["partner"].queryset = Partner.objects.for_hub(hub).current()  # type: ignore[attr-defined]
        if open_years:
            labels = ", ".join(academic_year.label(year) for year in open_years)
            self.fields["academic_year"].help_text = f"A year with a published allocation: {labels}."

    def clean_academic_year(self) -> int:
        year: int = self.cleaned_data["academic_year"]
        if year not in self.open_years:
            raise forms.ValidationError(
                f"No allocation for {academic_year.label(year)} is published for {self.hub}, so a share cannot be "
                "checked against it: choose a year with a published allocation"
            )
        return year


class BoardMemberForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200, error_messages={"required": "Enter the member's name"})
    organisation = forms.CharField(label="Organisation they represent", max_length=200, required=False)
    role = forms.CharField(
        label="Role on the board",
        max_length=100,
        help_text="For example chair, vice-chair or member.",
        error_messages={"required": "Enter their role on the board"},
    )
    term_starts_on = forms.DateField(
        label="Term starts",
        widget=DateInput(),
        error_messages={**DATE_ERRORS, "required": "Enter when the term starts"},
    )
    term_ends_on = forms.DateField(label="Term ends", required=False, widget=DateInput(), error_messages=DATE_ERRORS)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("term_starts_on"), data.get("term_ends_on")
        if starts and ends and ends < starts:
            self.add_error("term_ends_on", "The term must end on or after the day it starts")
        return data
