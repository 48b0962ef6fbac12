"""The register form: one radio group per learner, and the reason a session did not happen."""

from collections.abc import Mapping

from django import forms

from tutti.programmes.models import Attendance, Enrolment, Session
from tutti.programmes.selectors import RegisterCount

FIELD_PREFIX = "learner-"


class RegisterForm(forms.Form):
    """One field per enrolled learner (``learner-<id>``), each present, absent, late or excused.

    A learner may be left unmarked: a part-marked register saves what was marked and says how many are
    left, rather than refusing the lot. Only a register with no mark at all is refused.
    """

    def __init__(self, *args: object, rows: list[tuple[Enrolment, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.rows = rows
        for enrolment, mark in rows:
            self.fields[field_name(enrolment.learner_id)] = forms.ChoiceField(
                label=enrolment.learner.full_name,
                choices=Attendance.Mark.choices,
                widget=forms.RadioSelect,
                initial=mark or None,
                required=False,
            )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if self.rows and not self.marks():
            first = field_name(self.rows[0][0].learner_id)
            self.add_error(first, "Mark at least one learner, or record below that the session did not take place.")
        return data

    def marks(self) -> dict[int, Attendance.Mark]:
        return {
            int(name.removeprefix(FIELD_PREFIX)): Attendance.Mark(value)
            for name, value in self.cleaned_data.items()
            if name.startswith(FIELD_PREFIX) and value
        }

    def shown_marks(self) -> list[str]:
        """The mark each learner has on the page as shown ('' for none): what the running count counts."""
        return [str(self[name].value() or "") for name in self.fields if name.startswith(FIELD_PREFIX)]

    def count(self) -> RegisterCount:
        return RegisterCount.of(self.shown_marks())


def field_name(learner_id: int) -> str:
    return f"{FIELD_PREFIX}{learner_id}"


def everyone_present(data: Mapping[str, str], rows: list[tuple[Enrolment, str]]) -> dict[str, str]:
    """The submitted register with every learner not yet marked on it marked present (the others kept)."""
    marked = dict(data.items())
    for enrolment, _ in rows:
        name = field_name(enrolment.learner_id)
        if not marked.get(name):
            marked[name] = Attendance.Mark.PRESENT
    return marked


def submitted_marks(data: Mapping[str, str]) -> dict[str, str]:
    """Only the register's own fields with a real mark, from a submitted form (anything else is dropped)."""
    valid = set(Attendance.Mark.values)
    return {
        name: value
        for name, value in data.items()
        if name.startswith(FIELD_PREFIX) and name.removeprefix(FIELD_PREFIX).isdigit() and value in valid
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
