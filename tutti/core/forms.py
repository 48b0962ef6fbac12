"""Every form's "this field is required" names its field: "Enter the first name", "Select the school".

One mechanism for every form of every app, and for the forms of the packages Tutti uses: the project's
form renderer (settings.FORM_RENDERER) hands each form a bound field whose errors replace Django's bare
"This field is required." with a message built from the field's label and the kind of control it is.
A form that writes its own required message keeps it. A form whose fields all belong to one thing
may set ``error_subject`` ("the learner's") to read "Enter the learner's first name".
"""

from typing import Any

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.forms.utils import ErrorList, pretty_name

BARE_REQUIRED = str(forms.Field.default_error_messages["required"])

# A label starting with one of these already reads as a phrase: "Enter your email", not "Enter the your email".
_DETERMINERS = frozenset({"a", "an", "the", "your", "their", "its", "this", "these", "which", "what", "who"})


def _is_title_case(word: str) -> bool:
    letters = word.strip("()[]“”\"',:;")
    return len(letters) > 1 and letters[0].isupper() and letters[1:].islower()


def _in_a_sentence(label: str) -> str:
    """The label as it reads inside a sentence: "First name" becomes "first name"; acronyms ("SEND", "GIAS
    extract") and names of things ("Music Development Plan") keep their capitals."""
    first, _, rest = label.partition(" ")
    if _is_title_case(first) and not any(_is_title_case(word) for word in rest.split()):
        first = first.lower()
    return f"{first} {rest}".strip()


def required_message(field: forms.Field, name: str, *, subject: str = "the") -> str:
    """What to tell a person who left this required field empty, from its label and control."""
    label = str(field.label or pretty_name(name)).strip().rstrip(":")
    widget = field.widget
    if isinstance(widget, forms.CheckboxInput):
        return f"Select “{label}” to continue"
    if isinstance(widget, forms.FileInput):
        verb = "Choose"
    elif isinstance(widget, forms.widgets.ChoiceWidget):
        verb = "Select"
    else:
        verb = "Enter"
    if label.endswith("?"):
        return f"{verb} an answer to “{label}”"
    phrase = _in_a_sentence(label)
    if phrase.split()[0].lower() in _DETERMINERS:
        return f"{verb} {phrase}"
    return f"{verb} {subject} {phrase}"


class NamedRequiredBoundField(BoundField):
    """A bound field whose bare required message names the field (every other message is left as it is)."""

    @property
    def errors(self) -> ErrorList:
        errors: ErrorList = super().errors
        if BARE_REQUIRED not in errors:
            return errors
        subject = getattr(self.form, "error_subject", "the")
        named = required_message(self.field, self.name, subject=subject)
        messages: list[Any] = [named if message == BARE_REQUIRED else message for message in errors]
        return self.form.error_class(messages, renderer=self.form.renderer, field_id=self.auto_id)


class FormRenderer(DjangoTemplates):
    """Django's template renderer, with bound fields that name themselves in required messages."""

    bound_field_class = NamedRequiredBoundField
