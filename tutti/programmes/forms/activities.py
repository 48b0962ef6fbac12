"""The activity form (every detail, its tutors and a weekly time) and the rules it explains in words.

The database holds the same rules as check constraints; the form says them first, next to the field
the person has to change, because a constraint's own message names no field.
"""

from datetime import date
from typing import Any, cast

from django import forms

from tutti.core.money import format_pence, parse_pounds
from tutti.network.models import Aim, HubArea, StrategicFunction
from tutti.programmes.models import Activity, Instrument, StaffMember, Term, TermCalendar, WeeklySlot
from tutti.programmes.services.activities import WeeklyTime
from tutti.schools.models import School

YEAR_GROUP_HINT = "0 is Reception, 1 to 13 are years 1 to 13."


class TimeInput(forms.TimeInput):
    input_type = "time"


def _model_choice(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    """A model choice field of the form, typed (ModelMultipleChoiceField is one too)."""
    return cast(forms.ModelChoiceField, form.fields[name])


class ActivityForm(forms.ModelForm):
    """Every field of an activity a programme manager sets; the fee is typed in pounds."""

    fee = forms.CharField(label="Fee (£)", required=False, help_text="For example 45 or 7.50. Leave empty when free.")

    class Meta:
        model = Activity
        fields = [
            "name",
            "kind",
            "calendar",
            "aims",
            "functions",
            "school",
            "place_name",
            "place_postcode",
            "year_group_from",
            "year_group_to",
            "age_from",
            "age_to",
            "instruments",
            "level",
            "capacity",
            "fee_basis",
            "send_adapted",
            "send_adaptation",
            "tutors",
        ]
        labels = {
            "calendar": "Term calendar",
            "aims": "Aims it serves",
            "functions": "Strategic functions it serves",
            "school": "School",
            "year_group_from": "Youngest year group",
            "year_group_to": "Oldest year group",
            "age_from": "Youngest age",
            "age_to": "Oldest age",
            "instruments": "Instruments or voice",
            "fee_basis": "Fee",
        }
        help_texts = {
            "school": "A school in the hub's area. Leave empty and give a venue for anywhere else.",
            "year_group_from": YEAR_GROUP_HINT,
            "level": "Only for ensembles, choirs and music centres.",
            "tutors": "Only staff with a valid DBS check today are listed.",
        }
        error_messages = {
            "name": {"required": "Enter the activity's name."},
            "kind": {"required": "Choose what kind of activity it is."},
            "calendar": {"required": "Choose the term calendar."},
            "capacity": {"required": "Enter how many places it has."},
            "fee_basis": {"required": "Choose whether it is free, or paid per term or per lesson."},
        }
        widgets = {
            "kind": forms.RadioSelect,
            "fee_basis": forms.RadioSelect,
            "aims": forms.CheckboxSelectMultiple,
            "functions": forms.CheckboxSelectMultiple,
            "instruments": forms.CheckboxSelectMultiple,
            "tutors": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, hub: HubArea, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hub = hub
        editing = self.instance.pk is not None
        _model_choice(self, "calendar").queryset = TermCalendar.objects.for_hub(hub)
        _model_choice(self, "calendar").empty_label = None
        if editing:
            # The weekly pattern's terms belong to the calendar, so it is fixed once the activity exists.
            self.fields["calendar"].disabled = True
            self.initial["fee"] = "" if self.instance.fee_pence == 0 else format_pence(self.instance.fee_pence)[1:]
        _model_choice(self, "aims").queryset = Aim.objects.all()
        _model_choice(self, "functions").queryset = StrategicFunction.objects.all()
        self.fields["aims"].required = self.fields["functions"].required = False
        _model_choice(self, "instruments").queryset = Instrument.objects.all()
        _model_choice(self, "school").queryset = School.objects.in_hub_area(hub).open().order_by("name")
        _model_choice(self, "school").empty_label = "Not at a school"
        cast(forms.ChoiceField, self.fields["level"]).choices = [("", "No level"), *Activity.Level.choices]
        # Any current member of staff passes validation, so a check that ran out since the page was drawn
        # reaches the service, which refuses it with a message naming the tutor; only cleared staff and the
        # activity's own tutors are offered.
        staff = StaffMember.objects.for_hub(hub).current()
        _model_choice(self, "tutors").queryset = staff
        assigned = set(self.instance.tutors.values_list("pk", flat=True)) if editing else set()
        _model_choice(self, "tutors").choices = [
            (member.pk, str(member))
            for member in staff.prefetch_related("safeguarding_checks")
            if member.pk in assigned or member.has_valid_check(on=today)
        ]

    def clean_fee(self) -> int:
        text = (self.cleaned_data.get("fee") or "").strip()
        if not text:
            return 0
        try:
            pence = parse_pounds(text)
        except ValueError as error:
            raise forms.ValidationError(f"Enter the fee in pounds, like 45 or 7.50 ({error}).") from None
        if pence < 0:
            raise forms.ValidationError("The fee cannot be negative.")
        return pence

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, school, place = data.get("kind"), data.get("school"), (data.get("place_name") or "").strip()
        if kind == Activity.Kind.WCET and school is None:
            self.add_error("school", "Whole-class ensemble teaching happens in a school: choose the school.")
        elif school is None and not place:
            self.add_error("place_name", "Choose a school or give the name of the venue.")
        if school is None and place and not (data.get("place_postcode") or "").strip():
            self.add_error("place_postcode", "Give the venue's postcode.")
        if data.get("level") and kind not in Activity.LEVELLED_KINDS:
            self.add_error("level", "Only ensembles, choirs and music centres have a level: choose no level.")
        fee, basis = data.get("fee", 0), data.get("fee_basis")
        if basis == Activity.FeeBasis.FREE and fee:
            self.add_error("fee", "A free activity has no fee: leave the fee empty or choose per term or per lesson.")
        elif basis and basis != Activity.FeeBasis.FREE and not fee:
            self.add_error("fee", "Enter the fee in pounds, or choose free.")
        if data.get("send_adapted") and not (data.get("send_adaptation") or "").strip():
            self.add_error("send_adaptation", "Say how the activity is adapted for children with SEND.")
        for low, high, what in (("year_group_from", "year_group_to", "year group"), ("age_from", "age_to", "age")):
            if data.get(low) is not None and data.get(high) is not None and data[low] > data[high]:
                self.add_error(high, f"The oldest {what} must not be below the youngest.")
        for field in ("year_group_from", "year_group_to"):
            if data.get(field) is not None and not 0 <= data[field] <= 13:
                self.add_error(field, "Enter a year group from 0 (Reception) to 13.")
        capacity = data.get("capacity")
        if capacity is not None and capacity < max(1, self.instance.places_taken):
            taken = self.instance.places_taken
            self.add_error(
                "capacity",
                f"{taken} places are taken: the capacity cannot be below that." if taken else "Enter at least 1 place.",
            )
        return data

    def service_fields(self) -> dict[str, Any]:
        """The cleaned data in the services' keywords (fee in pence, many-to-many apart)."""
        data = dict(self.cleaned_data)
        data["fee_pence"] = data.pop("fee", 0)
        data.pop("tutors", None)
        if self.instance.pk is not None:
            data.pop("calendar", None)
        if data.get("school") is not None:
            data["place_name"] = data["place_postcode"] = ""
        if not data.get("send_adapted"):
            data["send_adaptation"] = ""
        data["place_postcode"] = (data.get("place_postcode") or "").strip().upper()
        return data


class WeeklyTimeForm(forms.Form):
    """A weekly meeting time and the terms it runs in; required for a new activity, optional after."""

    weekday = forms.TypedChoiceField(
        label="Day of the week",
        choices=[("", "Choose a day"), *WeeklySlot.Weekday.choices],
        coerce=int,
        error_messages={"required": "Choose the day of the week it meets."},
    )
    starts_at = forms.TimeField(
        label="Starts at",
        widget=TimeInput,
        help_text="For example 09:15.",
        error_messages={"required": "Enter the time it starts.", "invalid": "Enter the start time like 09:15."},
    )
    ends_at = forms.TimeField(
        label="Ends at",
        widget=TimeInput,
        error_messages={"required": "Enter the time it ends.", "invalid": "Enter the end time like 10:00."},
    )
    terms = forms.ModelMultipleChoiceField(
        label="In which terms",
        queryset=Term.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one term."},
    )

    def __init__(self, *args: Any, hub: HubArea, required: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _model_choice(self, "terms").queryset = (
            Term.objects.for_hub(hub).select_related("calendar").order_by("-calendar__academic_year", "starts_on")
        )
        self.skipped = not required and not self.has_time()
        if self.skipped:
            for field in self.fields.values():
                field.required = False

    def has_time(self) -> bool:
        """Something was typed into the form (an optional weekly time left empty adds nothing)."""
        return self.is_bound and any(self.data.get(self.add_prefix(name)) for name in self.fields)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", "The end time must be after the start time.")
        return data

    def weekly_time(self) -> WeeklyTime | None:
        """The time to add, or None when the optional form was left empty."""
        if self.skipped:
            return None
        data = self.cleaned_data
        return WeeklyTime(
            weekday=data["weekday"], starts_at=data["starts_at"], ends_at=data["ends_at"], terms=tuple(data["terms"])
        )
