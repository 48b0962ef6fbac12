"""The register form: one radio group per learner, and the reason a session did not happen."""

from django import forms

from tutti.programmes.models import Attendance, Enrolment, Session


class RegisterForm(forms.Form):
    """One field per enrolled learner (``learner-<id>``), each present, absent, late or excused."""

    def __init__(self, *args: object, rows: list[tuple[Enrolment, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.rows = rows
        for enrolment, mark in rows:
            self.fields[f"learner-{enrolment.learner_id}"] = forms.ChoiceField(
                label=enrolment.learner.full_name,
                choices=Attendance.Mark.choices,
                widget=forms.RadioSelect,
                initial=mark or None,
                error_messages={"required": f"Choose a mark for {enrolment.learner.full_name}."},
            )

    def marks(self) -> dict[int, Attendance.Mark]:
        return {
            int(name.removeprefix("learner-")): Attendance.Mark(value)
            for name, value in self.cleaned_data.items()
            if name.startswith("learner-")
        }


class NotDeliveredForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why was it not delivered?", choices=Session.Reason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label="Details", max_length=200, required=False, help_text="Needed when the reason is other."
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("reason") == Session.Reason.OTHER and not (data.get("note") or "").strip():
            self.add_error("note", "Say why the session was not delivered.")
        return data
