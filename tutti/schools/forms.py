"""Forms for a school's engagement: the hub's full edit form and the school's short survey."""

from typing import Any

from django import forms

from tutti.core.money import format_pence, parse_pounds
from tutti.schools.models import SchoolEngagement, Service
from tutti.schools.services.engagement import SURVEY_FIELDS


class DayInput(forms.DateInput):
    """A browser date picker; it sends and shows the ISO date."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class SurveyForm(forms.ModelForm):
    """What a school's music lead confirms: the plan, its key features, the provision and who they are."""

    plan_status = forms.ChoiceField(
        label="Music Development Plan",
        choices=SchoolEngagement.PlanStatus.choices,
        widget=forms.RadioSelect,
        help_text="A published plan has a summary on the school's website.",
        error_messages={"required": "Select where the school's Music Development Plan stands"},
    )
    plan_summary_url = forms.URLField(
        label="Link to the published summary",
        required=False,
        assume_scheme="https",
        help_text="The address of the plan's summary on the school's website, if it is published.",
    )
    services = forms.MultipleChoiceField(
        label="Hub services the school takes this year",
        choices=Service.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Select all that apply.",
    )

    class Meta:
        model = SchoolEngagement
        fields = list(SURVEY_FIELDS)
        widgets = {"plan_reviewed_on": DayInput}
        help_texts = {
            "plan_reviewed_on": "The date the plan was last reviewed, if it has been.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_email"].widget.attrs["autocomplete"] = "email"
        self.fields["lead_phone"].widget = forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"})
        self.fields["lead_name"].widget.attrs["autocomplete"] = "name"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("plan_status") == SchoolEngagement.PlanStatus.PUBLISHED and not cleaned.get("plan_summary_url"):
            self.add_error("plan_summary_url", "Enter the link to the published summary of the plan")
        return cleaned


class EngagementForm(SurveyForm):
    """The hub's own record of a school for a year: the survey's questions plus the agreement and notes."""

    agreement_value = forms.CharField(
        label="Service agreement or buy-back value (£)",
        required=False,
        help_text="Leave blank if the school has no agreement, for example 4,500 or 4500.00.",
    )

    class Meta(SurveyForm.Meta):
        fields = [*SurveyForm.Meta.fields, "notes"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        value = self.instance.agreement_value_pence if self.instance else None
        if value is not None and not self.is_bound:
            self.initial["agreement_value"] = format_pence(value).lstrip("£")
        self.order_fields([*SurveyForm.Meta.fields, "agreement_value", "notes"])

    def clean_agreement_value(self) -> int | None:
        text = self.cleaned_data["agreement_value"].strip()
        if not text:
            return None
        try:
            pence = parse_pounds(text)
        except ValueError:
            raise forms.ValidationError("Enter the value in pounds, like 4,500 or 4500.00") from None
        if pence < 0:
            raise forms.ValidationError("The value cannot be less than £0")
        return pence

    def values(self) -> dict[str, Any]:
        """The cleaned answers keyed by engagement field, for ``engagement_record``."""
        values = {name: self.cleaned_data[name] for name in self.Meta.fields}
        values["agreement_value_pence"] = self.cleaned_data["agreement_value"]
        return values


def survey_values(form: SurveyForm) -> dict[str, Any]:
    return {name: form.cleaned_data[name] for name in SurveyForm.Meta.fields}
