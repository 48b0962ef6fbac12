"""A required field left empty is named in its message, on every form: never Django's bare "This field is required."."""

import importlib
import pkgutil
from collections.abc import Iterator

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.template.loader import render_to_string

import tutti
from tutti.core.forms import BARE_REQUIRED

CHOICES = [("wcet", "Whole-class ensemble teaching"), ("choir", "Choir")]


class EnrolForm(forms.Form):
    first_name = forms.CharField(label="First name")
    school = forms.ChoiceField(label="School", choices=CHOICES)
    kind = forms.ChoiceField(label="Kind of activity", choices=CHOICES, widget=forms.RadioSelect)
    reason = forms.ChoiceField(label="Why was it not delivered?", choices=CHOICES, widget=forms.RadioSelect)
    extract = forms.FileField(label="GIAS establishment extract (CSV)")
    plan = forms.ChoiceField(label="Music Development Plan", choices=CHOICES)
    email = forms.EmailField(label="Your email address")
    agree = forms.BooleanField(label="I have checked the class list")
    urn = forms.CharField(label="URN", error_messages={"required": "Enter the school's URN, like 117512"})


def test_each_kind_of_control_gets_a_message_naming_its_field_in_the_summary_and_beside_the_field() -> None:
    form = EnrolForm({})
    assert not form.is_valid()
    html = render_to_string("core/forms/error_summary.html", {"form": form}) + render_to_string(
        "core/forms/fields.html", {"form": form}
    )

    for message in (
        "Enter the first name",
        "Select the school",
        "Select the kind of activity",
        "Select an answer to “Why was it not delivered?”",
        "Choose the GIAS establishment extract (CSV)",
        "Select the Music Development Plan",
        "Enter your email address",
        "Select “I have checked the class list” to continue",
        "Enter the school&#x27;s URN, like 117512",  # a form's own message is kept
    ):
        assert html.count(message) == 2, message  # once in the error summary, once beside the field
    assert BARE_REQUIRED not in html


def test_a_form_about_one_thing_names_it_in_the_message() -> None:
    class LearnerNameForm(forms.Form):
        error_subject = "the learner's"
        first_name = forms.CharField(label="First name")

    assert list(LearnerNameForm({})["first_name"].errors) == ["Enter the learner's first name"]


def test_other_messages_of_a_field_are_left_as_they_are() -> None:
    form = EnrolForm({"email": "not an address"})
    form.is_valid()
    assert list(form["email"].errors) == ["Enter a valid email address."]


def _project_form_classes() -> Iterator[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(tutti.__path__, "tutti."):
        if not {".tests", ".migrations"} & {f".{part}" for part in module.name.split(".")}:
            importlib.import_module(module.name)

    def subclasses(cls: type[forms.BaseForm]) -> Iterator[type[forms.BaseForm]]:
        for subclass in cls.__subclasses__():
            yield subclass
            yield from subclasses(subclass)

    seen = set()
    for cls in subclasses(forms.BaseForm):
        if cls.__module__.startswith("tutti.") and ".tests" not in cls.__module__ and cls not in seen:
            seen.add(cls)
            yield cls


PROJECT_FORMS = sorted(_project_form_classes(), key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def test_the_walk_finds_the_forms_of_every_app() -> None:
    apps = {cls.__module__.split(".")[1] for cls in PROJECT_FORMS}
    assert {"accounts", "learners", "partners", "programmes", "schools"} <= apps


@pytest.mark.parametrize("form_class", PROJECT_FORMS, ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}")
def test_no_required_field_of_any_form_shows_the_bare_message(form_class: type[forms.BaseForm]) -> None:
    # The fields as the class declares them, built without the form's own __init__ (which wants a hub, a
    # person...), then each required field given Django's required error, as an empty submission would.
    form = form_class.__new__(form_class)
    forms.BaseForm.__init__(form, data={})
    form._errors, form.cleaned_data = ErrorDict(renderer=form.renderer), {}  # type: ignore[attr-defined]
    for name, field in form.fields.items():
        if field.required and not field.widget.is_hidden:
            form.add_error(name, ValidationError(field.error_messages["required"], code="required"))
            shown = list(form[name].errors)
            assert BARE_REQUIRED not in shown, f"{form_class.__qualname__}.{name} says {BARE_REQUIRED!r}"
