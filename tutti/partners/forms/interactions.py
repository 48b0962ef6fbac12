"""The form to record an interaction with any subject; fields become errors, the service assumes valid input."""

from typing import Any

from django import forms

from tutti.network.models import HubArea
from tutti.partners.forms.widgets import DATE_ERRORS, DateInput
from tutti.partners.models import Interaction
from tutti.partners.selectors import hub_people


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


class InteractionForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of interaction",
        choices=[("", "Choose a kind"), *Interaction.Kind.choices],
        error_messages={"required": "Choose the kind of interaction"},
    )
    occurred_on = forms.DateField(
        label="Date",
        widget=DateInput(),
        error_messages={**DATE_ERRORS, "required": "Enter the date of the interaction"},
    )
    participants = PeopleChoiceField(
        label="Hub people who took part",
        queryset=None,  # set per hub in __init__
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_participants = forms.CharField(
        label="Other people who took part", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    notes = forms.CharField(
        label="Notes", widget=forms.Textarea(attrs={"rows": 5}), error_messages={"required": "Enter notes"}
    )
    follow_up = forms.CharField(
        label="Follow-up (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What needs doing next, if anything.",
    )
    follow_up_due = forms.DateField(
        label="Follow-up due", required=False, widget=DateInput(), error_messages=DATE_ERRORS
    )
    follow_up_owner = PersonChoiceField(
        label="Follow-up owner", queryset=None, required=False, empty_label="Choose a person"
    )

    def __init__(self, *args: Any, hub: HubArea, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = hub_people(hub)
        self.fields["participants"].queryset = people  # type: ignore[attr-defined]
        self.fields["follow_up_owner"].queryset = people  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        follow_up = (data.get("follow_up") or "").strip()
        if follow_up:
            if not data.get("follow_up_due") and "follow_up_due" not in self.errors:
                self.add_error("follow_up_due", "Enter the date the follow-up is due")
            if not data.get("follow_up_owner") and "follow_up_owner" not in self.errors:
                self.add_error("follow_up_owner", "Choose who owns the follow-up")
        elif data.get("follow_up_due") or data.get("follow_up_owner"):
            self.add_error("follow_up", "Enter the follow-up, or leave its due date and owner empty")
        return data
