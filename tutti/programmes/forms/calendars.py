"""Forms for setting up a term calendar."""

from django import forms

from tutti.core import academic_year
from tutti.programmes.models import CalendarBreak, Term, TermCalendar

DATE_HINT = "For example, 3 September 2025 is 2025-09-03."


class CalendarCreateForm(forms.Form):
    year = forms.CharField(label="Academic year", help_text="For example, 2025/26.")

    def __init__(self, *args: object, existing: set[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.existing = existing

    def clean_year(self) -> int:
        try:
            year = academic_year.parse(self.cleaned_data["year"])
        except ValueError as error:
            raise forms.ValidationError(f"Enter the academic year like 2025/26 ({error}).") from None
        if year in self.existing:
            raise forms.ValidationError(f"The hub already has a calendar for {academic_year.label(year)}.")
        return year


class DateInput(forms.DateInput):
    input_type = "date"


class TermForm(forms.ModelForm):
    """The dates of one term; checked against the calendar's academic year."""

    class Meta:
        model = Term
        fields = ["name", "starts_on", "ends_on"]
        widgets = {"name": forms.RadioSelect, "starts_on": DateInput, "ends_on": DateInput}
        help_texts = {"starts_on": DATE_HINT}

    def __init__(self, *args: object, calendar: TermCalendar, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.instance.calendar = calendar
        self.fields["name"].label = "Term"

    def validate_unique(self) -> None:
        # Setting a term that exists replaces its dates (the service finds it by name).
        return


class BreakForm(forms.ModelForm):
    """A half-term or closure day."""

    class Meta:
        model = CalendarBreak
        fields = ["kind", "name", "starts_on", "ends_on"]
        widgets = {"kind": forms.RadioSelect, "starts_on": DateInput, "ends_on": DateInput}
        labels = {"kind": "Half-term or closure"}

    def __init__(self, *args: object, calendar: TermCalendar, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.instance.calendar = calendar
