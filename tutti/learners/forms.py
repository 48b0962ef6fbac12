"""Forms for learners, guardians, consents and milestones: they turn what a person typed into field errors."""

from datetime import date
from typing import Any, cast

from django import forms

from tutti.learners.field_access import FieldAccess, field_label
from tutti.learners.models import POSTCODE_DISTRICT, Consent, Guardian, Learner, Milestone
from tutti.learners.services.learners import EDITABLE_FIELDS
from tutti.network.models import HubArea
from tutti.programmes.models import Activity
from tutti.schools.models import School

DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]
DATE_HINT = "For example, 27/03/2016."
OLDEST_LEARNER_AGE = 25  # music hubs serve children and young people up to 25 with an EHC plan


class SchoolChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} (URN {obj.urn})"


class LearnerForm(forms.ModelForm):
    """A learner's details: only the fields the person may see are on the form."""

    error_subject = "the learner's"  # "Enter the learner's first name" (tutti.core.forms)

    date_of_birth = forms.DateField(input_formats=DATE_FORMATS, help_text=DATE_HINT)
    postcode_district = forms.CharField(
        label="Postcode district",
        required=False,
        max_length=5,
        help_text="The first half of the home postcode only, like SG12 or AL1.",
    )
    different_child = forms.BooleanField(
        label="I have checked: this is a different child from the records listed above", required=False
    )

    class Meta:
        model = Learner
        fields = list(EDITABLE_FIELDS)
        widgets = {"adaptations": forms.Textarea(attrs={"rows": 3})}
        # These labels are descriptions, not names of a thing, so the message made from a label would not read.
        error_messages = {
            "disadvantaged": {
                "required": "Select whether the learner is eligible for free school meals or pupil premium"
            },
            "looked_after": {"required": "Select whether the learner is or was looked after"},
            "young_carer": {"required": "Select whether the learner is a young carer"},
        }

    def __init__(self, *args: Any, hub: HubArea, access: FieldAccess, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hub = hub
        self.duplicates: list[Learner] = []
        for name in EDITABLE_FIELDS:
            if not access.sees(name):
                del self.fields[name]
        self.fields["first_name"].label = field_label("first_name")
        self.fields["last_name"].label = field_label("last_name")
        if "school" in self.fields:
            self.fields["school"] = SchoolChoiceField(
                queryset=School.objects.in_hub_area(hub).only("pk", "urn", "name"),
                required=False,
                empty_label="No school, or not known",
                label="School",
            )
        if "year_group" in self.fields:
            self.fields["year_group"].label = field_label("year_group")
        self.fields["different_child"].widget = forms.HiddenInput()

    def clean_date_of_birth(self) -> date:
        born: date = self.cleaned_data["date_of_birth"]
        today = date.today()
        if born > today:
            raise forms.ValidationError("Date of birth must be in the past.")
        if today.year - born.year > OLDEST_LEARNER_AGE + 1:
            raise forms.ValidationError(f"Learners are up to {OLDEST_LEARNER_AGE} years old: check the year.")
        return born

    def clean_postcode_district(self) -> str:
        value = "".join(self.cleaned_data.get("postcode_district", "").split()).upper()
        if value:
            POSTCODE_DISTRICT(value)
        return value

    def learner_fields(self) -> dict[str, Any]:
        """The cleaned values the services take."""
        return {name: value for name, value in self.cleaned_data.items() if name in EDITABLE_FIELDS}

    def show_duplicate_check(self, duplicates: list[Learner]) -> None:
        """Ask the person to confirm a new record that matches existing learners."""
        self.duplicates = duplicates
        self.fields["different_child"].widget = forms.CheckboxInput()
        self.add_error(
            "different_child",
            "A learner with this name, date of birth and school already exists. Open their record instead, "
            "or tick the box if this is a different child.",
        )


class GuardianForm(forms.ModelForm):
    error_subject = "the guardian's"  # "Enter the guardian's name"

    class Meta:
        model = Guardian
        fields = ["name", "relationship", "email", "phone", "postcode"]
        labels = {"postcode": "Address postcode"}

    def clean_postcode(self) -> str:
        return " ".join(self.cleaned_data.get("postcode", "").upper().split())


class ConsentForm(forms.ModelForm):
    decided_on = forms.DateField(label="Date of the decision", input_formats=DATE_FORMATS, help_text=DATE_HINT)

    class Meta:
        model = Consent
        fields = ["kind", "decision", "decided_on", "given_by", "wording"]
        labels = {"kind": "Consent for", "given_by": "Decided by", "wording": "Wording shown"}
        error_messages = {
            "kind": {"required": "Select what the consent is for"},
            "given_by": {"required": "Enter who made the decision"},
        }
        widgets = {"wording": forms.Textarea(attrs={"rows": 4})}

    def clean_decided_on(self) -> date:
        decided: date = self.cleaned_data["decided_on"]
        if decided > date.today():
            raise forms.ValidationError("The date of the decision cannot be in the future.")
        return decided


class MilestoneForm(forms.ModelForm):
    """A milestone; which details are required depends on its kind."""

    achieved_on = forms.DateField(label="Date", input_formats=DATE_FORMATS, help_text=DATE_HINT)

    class Meta:
        model = Milestone
        fields = [
            "kind",
            "achieved_on",
            "title",
            "exam_board",
            "instrument",
            "grade",
            "result",
            "ensemble_level",
            "pathway",
        ]
        labels = {"title": "Description"}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        required: dict[str, str] = {}
        if kind == Milestone.Kind.GRADED_EXAM:
            required = {
                "exam_board": "Choose the exam board.",
                "instrument": "Enter the instrument or voice.",
                "grade": "Enter the grade, 1 to 8.",
                "result": "Choose the result.",
            }
        elif kind == Milestone.Kind.ENSEMBLE_LEVEL:
            required = {"ensemble_level": "Choose the level reached."}
        elif kind == Milestone.Kind.PATHWAY:
            required = {"pathway": "Choose the pathway."}
        elif kind in (Milestone.Kind.PERFORMANCE, Milestone.Kind.AWARD):
            required = {"title": "Describe the performance or award."}
        for name, message in required.items():
            if data.get(name) in (None, "") and name not in self.errors:
                self.add_error(name, message)
        return data


class MergeForm(forms.Form):
    """Which of two records to keep; the other one's history moves to it."""

    keep = forms.UUIDField(widget=forms.HiddenInput())
    merge = forms.UUIDField(widget=forms.HiddenInput())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("keep") and data.get("keep") == data.get("merge"):
            raise forms.ValidationError("Choose two different records to merge.")
        return data


class ImportForm(forms.Form):
    file = forms.FileField(label="Learners file (CSV)", help_text="Columns as described on this page, UTF-8.")


class ActivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.school.name})" if obj.school_id else obj.name


class ClassListForm(forms.Form):
    """A class list file for one of the hub's WCET activities (fixed when the page names the activity)."""

    activity = ActivityChoiceField(
        label="Class (whole-class ensemble teaching activity)",
        queryset=Activity.objects.none(),
        to_field_name="public_id",
        empty_label="Choose a class",
    )
    file = forms.FileField(
        label="Class list file (CSV)", help_text="Forename, Surname, DOB; optionally NC Year and Learner Ref."
    )

    def __init__(self, *args: Any, hub: HubArea, activity: Activity | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if activity is not None:
            del self.fields["activity"]
        else:
            cast(forms.ModelChoiceField, self.fields["activity"]).queryset = (
                Activity.objects.for_hub(hub).filter(kind=Activity.Kind.WCET).select_related("school").order_by("name")
            )
