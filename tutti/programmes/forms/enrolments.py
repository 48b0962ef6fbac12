"""Forms for the enrolment actions that need more than a button: withdrawing (why), transferring (where), and
enrolling a pupil of another school into an in-school class (why)."""

from typing import Any, cast

from django import forms

from tutti.programmes.models import Activity, Enrolment
from tutti.programmes.selectors import transfer_targets


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is the learner leaving? (optional)",
        max_length=200,
        required=False,
        help_text="For example: moved school, or chose another instrument.",
    )


class OtherSchoolForm(forms.Form):
    reason = forms.CharField(
        label="Why is this pupil joining a class at another school?",
        max_length=200,
        help_text="For example: moving to this school next term, or the class is shared by two schools.",
        error_messages={"required": "Enter why this pupil joins a class at another school"},
    )


class ActivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.places_left} places left)"


class TransferForm(forms.Form):
    to = ActivityChoiceField(
        label="Move to",
        queryset=Activity.objects.none(),
        empty_label="Choose an activity",
        error_messages={"required": "Choose the activity to move the learner to."},
    )

    def __init__(self, *args: Any, enrolment: Enrolment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["to"])
        field.queryset = transfer_targets(enrolment)
