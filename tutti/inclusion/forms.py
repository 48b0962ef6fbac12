"""Forms for remission: they turn what staff typed into field errors, naming the field; services assume valid input."""

from typing import Any

from django import forms

from tutti.inclusion.evidence import ACCEPTED, EvidenceRejected, check_evidence
from tutti.inclusion.models import Criterion, RemissionApplication, RemissionScheme
from tutti.inclusion.remission import Terms
from tutti.learners.models import Learner
from tutti.network.models import HubArea
from tutti.partners.forms.agreements import AcademicYearField, PoundsField
from tutti.programmes.models import Activity

EVERY_KIND = ("", "Every kind of activity")
PERCENT_ERRORS = {
    "invalid": "Enter the percentage as a whole number, like 50",
    "min_value": "Enter a percentage from 1 to 100",
    "max_value": "Enter a percentage from 1 to 100",
}
EVIDENCE_HINT = f"{ACCEPTED[0].upper()}{ACCEPTED[1:]}, up to 5 MB: a photo or scan of the letter is fine."


class EvidenceField(forms.FileField):
    """A file checked by its content (tutti.inclusion.evidence); the error names the file and what is wrong."""

    def clean(self, data: Any, initial: Any = None) -> Any:
        upload = super().clean(data, initial)
        if upload:
            try:
                check_evidence(upload)
            except EvidenceRejected as error:
                raise forms.ValidationError(str(error)) from None
            upload.seek(0)
        return upload


class SchemeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.year_label)


class SchemeForm(forms.Form):
    academic_year = AcademicYearField()
    budget = PoundsField(label="Budget for the year (£)", help_text="What the hub may spend on remission, like 25,000.")
    income_threshold = PoundsField(
        label="Household income threshold (£ a year)",
        required=False,
        help_text="Families below it qualify. Leave empty if the scheme has no income criterion.",
    )

    def __init__(self, *args: Any, scheme: RemissionScheme | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if scheme is not None:
            del self.fields["academic_year"]
            if not self.is_bound:
                self.initial = {
                    "budget": f"{scheme.budget_pence / 100:.2f}",
                    "income_threshold": f"{scheme.income_threshold_pence / 100:.2f}"
                    if scheme.income_threshold_pence is not None
                    else "",
                }

    def clean_income_threshold(self) -> int | None:
        return self.cleaned_data["income_threshold"] or None


class RuleForm(forms.Form):
    criterion = forms.ChoiceField(label="Circumstance", choices=Criterion.choices)
    activity_kind = forms.ChoiceField(
        label="For which activities", choices=[EVERY_KIND, *Activity.Kind.choices], required=False
    )
    percent = forms.IntegerField(
        label="Percentage off each fee",
        required=False,
        min_value=1,
        max_value=100,
        help_text="From 1 to 100. Or leave empty and give a fixed amount below.",
        error_messages={
            "min_value": "Enter a percentage from 1 to 100",
            "max_value": "Enter a percentage from 1 to 100",
        },
    )
    amount = PoundsField(label="Or a fixed amount off each fee (£)", required=False, help_text="For example 15.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        percent, amount = data.get("percent"), data.get("amount")
        if percent is not None and amount:
            self.add_error("amount", "Give a percentage or a fixed amount, not both")
        elif percent is None and not amount and "percent" not in self.errors:
            self.add_error("percent", "Enter a percentage off each fee, or a fixed amount")
        return data

    def rule_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "criterion": Criterion(data["criterion"]),
            "activity_kind": data["activity_kind"],
            "percent": data["percent"],
            "amount_pence": data["amount"] or None,
        }


class ApplicationRecordForm(forms.Form):
    """An application a family sent on paper or by email, recorded by staff as the family gave it."""

    learner_reference = forms.CharField(
        label="Child's learner reference", max_length=20, help_text="As on their record, like HRT-000123."
    )
    scheme = SchemeChoiceField(label="Scheme year", queryset=RemissionScheme.objects.none(), empty_label=None)
    criteria = forms.MultipleChoiceField(
        label="Which circumstances apply",
        choices=Criterion.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one of the circumstances that apply"},
    )
    applicant_name = forms.CharField(label="Guardian's name", max_length=200)
    channel = forms.ChoiceField(
        label="How it arrived",
        choices=[(c.value, c.label) for c in (RemissionApplication.Channel.PAPER, RemissionApplication.Channel.EMAIL)],
        widget=forms.RadioSelect,
    )
    family_note = forms.CharField(label="Anything the family added", required=False, widget=forms.Textarea)
    evidence = EvidenceField(label="Evidence", required=False, help_text=EVIDENCE_HINT)

    def __init__(self, *args: Any, hub: HubArea, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hub = hub
        self.fields["scheme"].queryset = RemissionScheme.objects.for_hub(hub)  # type: ignore[attr-defined]

    def clean_learner_reference(self) -> Learner:
        reference = self.cleaned_data["learner_reference"].strip().upper()
        learner = Learner.objects.for_hub(self.hub).current().filter(reference=reference).first()
        if learner is None:
            raise forms.ValidationError(
                f"No learner of the hub has the reference {reference}: check it on their record"
            )
        return learner

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        scheme = data.get("scheme")
        if scheme and Criterion.LOW_INCOME in data.get("criteria", []) and scheme.income_threshold_pence is None:
            self.add_error("criteria", f"The {scheme.year_label} scheme sets no household income threshold")
        return data


class DecisionForm(forms.Form):
    class Decision:
        APPROVE = "approve"
        APPROVE_OTHER = "approve_other"
        ASK = "ask"
        REFUSE = "refuse"

    decision = forms.ChoiceField(
        label="Decision",
        widget=forms.RadioSelect,
        choices=[
            (Decision.APPROVE, "Approve with the remission the criteria give"),
            (Decision.APPROVE_OTHER, "Approve with a different remission (give it and the reason below)"),
            (Decision.ASK, "Ask the family for more information"),
            (Decision.REFUSE, "Refuse (give the reason below)"),
        ],
        error_messages={"required": "Choose a decision"},
    )
    percent = forms.IntegerField(
        label="Different remission: percentage off each fee",
        required=False,
        min_value=1,
        max_value=100,
        error_messages=PERCENT_ERRORS,
    )
    amount = PoundsField(label="Or a fixed amount off each fee (£)", required=False, help_text="For example 15.")
    reason = forms.CharField(
        label="Reason", required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="The family will read it."
    )
    asked = forms.CharField(
        label="What the family should send or answer", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        decision = data.get("decision")
        if decision == self.Decision.APPROVE_OTHER:
            if (data.get("percent") is None) == (not data.get("amount")) and "percent" not in self.errors:
                self.add_error("percent", "Give a percentage or a fixed amount for the different remission")
            if not data.get("reason", "").strip():
                self.add_error("reason", "Say why the remission differs from what the criteria give")
        elif decision == self.Decision.REFUSE and not data.get("reason", "").strip():
            self.add_error("reason", "Say why the application is refused: the family will read it")
        elif decision == self.Decision.ASK and not data.get("asked", "").strip():
            self.add_error("asked", "Say what the family should send or answer")
        return data

    def override(self) -> Terms | None:
        if self.cleaned_data["decision"] != self.Decision.APPROVE_OTHER:
            return None
        return Terms("", percent=self.cleaned_data["percent"], amount_pence=self.cleaned_data["amount"] or None)


class EvidenceForm(forms.Form):
    """More evidence, or the family's answer to a question, as it arrived on paper or by email."""

    evidence = EvidenceField(label="Evidence", required=False, help_text=EVIDENCE_HINT)
    note = forms.CharField(
        label="The family's answer",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="In their words.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("evidence") and not data.get("note", "").strip() and not self.errors:
            self.add_error("evidence", "Choose a file, or write the family's answer")
        return data
