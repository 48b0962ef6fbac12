"""The family's forms: an account, a child with the minimum the hub needs, the hub's consents, contact, notice."""

from datetime import date
from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils import timezone

from tutti.families.models import ConsentQuestion
from tutti.families.services.joining import NewChild
from tutti.learners.forms import DATE_FORMATS, DATE_HINT
from tutti.learners.models import POSTCODE_DISTRICT, Consent, Guardian, Learner
from tutti.learners.models.choices import YearGroup

OLDEST_AGE = 25


class AccountForm(forms.Form):
    first_name = forms.CharField(label="Your first name", max_length=150)
    last_name = forms.CharField(label="Your last name", max_length=150)
    email = forms.EmailField(label="Your email address", help_text="We will send you a link to check it is yours.")
    password1 = forms.CharField(
        label="Choose a password", widget=forms.PasswordInput, help_text="At least 12 characters, not easy to guess."
    )
    password2 = forms.CharField(label="Type the password again", widget=forms.PasswordInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password, again = data.get("password1"), data.get("password2")
        if password and again and password != again:
            self.add_error("password2", "The two passwords are different: type the same password twice.")
        elif password:
            try:
                validate_password(password)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


def _age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class ChildForm(forms.Form):
    """The child: name, date of birth, school year, home district, and what a tutor needs to know."""

    first_name = forms.CharField(label="Child's first name", max_length=100)
    last_name = forms.CharField(label="Child's last name", max_length=100)
    date_of_birth = forms.DateField(label="Date of birth", input_formats=DATE_FORMATS, help_text=DATE_HINT)
    year_group = forms.TypedChoiceField(
        label="School year",
        choices=[("", "Not at school, or not known"), *YearGroup.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    postcode_district = forms.CharField(
        label="Home postcode district",
        max_length=4,
        required=False,
        help_text="The first half of your postcode only, like SG12 or AL1.",
    )
    adaptations = forms.CharField(
        label="Anything a tutor needs to know to teach your child well (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=Learner._meta.get_field("adaptations").help_text,
    )
    relationship = forms.ChoiceField(label="You are the child's", choices=Guardian.Relationship.choices)
    phone = forms.CharField(
        label="Your phone number", max_length=40, widget=forms.TextInput(attrs={"autocomplete": "tel"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "child")
        super().__init__(*args, **kwargs)

    def clean_postcode_district(self) -> str:
        district: str = self.cleaned_data["postcode_district"].strip().upper()
        if district:
            POSTCODE_DISTRICT(district)  # checked once upper-cased, so "al1" is accepted as AL1
        return district

    def clean_date_of_birth(self) -> date:
        born: date = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born >= today:
            raise forms.ValidationError("The date of birth must be in the past.")
        if _age_on(born, today) > OLDEST_AGE:
            raise forms.ValidationError(
                f"Music Hubs teach children and young people up to {OLDEST_AGE}: check the year."
            )
        return born

    def new_child(self) -> NewChild:
        return NewChild(**{name: self.cleaned_data[name] for name in NewChild.__dataclass_fields__})


YOUNG_PERSON_AGE = 13


class YoungPersonForm(ChildForm):
    """A young person registering their own interest: the child's fields, about themselves, 13 or over."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "me")
        super().__init__(*args, **kwargs)
        del self.fields["relationship"], self.fields["phone"]
        self.fields["first_name"].label = "Your first name"
        self.fields["last_name"].label = "Your last name"
        self.fields["date_of_birth"].label = "Your date of birth"
        self.fields["adaptations"].label = "Anything a tutor needs to know to teach you well (optional)"

    def clean_date_of_birth(self) -> date:
        born = super().clean_date_of_birth()
        if _age_on(born, timezone.localdate()) < YOUNG_PERSON_AGE:
            raise forms.ValidationError(
                f"You can register yourself from the age of {YOUNG_PERSON_AGE}: ask a parent or carer to apply for you."
            )
        return born

    def new_child(self) -> NewChild:
        data = self.cleaned_data
        return NewChild(
            first_name=data["first_name"],
            last_name=data["last_name"],
            date_of_birth=data["date_of_birth"],
            year_group=data["year_group"],
            postcode_district=data["postcode_district"],
            adaptations=data["adaptations"],
            relationship="",
            phone="",
        )


class ConsentsForm(forms.Form):
    """One yes-or-no question for each consent the hub asks, in the hub's words; every one must be answered."""

    def __init__(self, *args: Any, questions: list[ConsentQuestion], **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "consent")
        super().__init__(*args, **kwargs)
        self.questions = {f"q{question.pk}": question for question in questions}
        for name, question in self.questions.items():
            self.fields[name] = forms.ChoiceField(
                label=question.get_kind_display(),
                help_text=question.wording,
                choices=[("given", "Yes, I agree"), ("refused", "No, I do not agree")],
                widget=forms.RadioSelect,
                error_messages={"required": f"Answer the question on {question.get_kind_display().lower()}."},
            )

    def answers(self) -> dict[ConsentQuestion, bool]:
        return {question: self.cleaned_data[name] == "given" for name, question in self.questions.items()}


class WhichChildForm(forms.Form):
    """Apply for a child the hub already has through this account, or add another child."""

    child = forms.ChoiceField(label="Which child is this for?", widget=forms.RadioSelect)

    def __init__(self, *args: Any, children: list[Learner], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.children = {str(child.public_id): child for child in children}
        self.fields["child"].choices = [  # type: ignore[attr-defined]
            *((key, child.full_name) for key, child in self.children.items()),
            ("new", "Another child"),
        ]

    def chosen(self) -> Learner | None:
        return self.children.get(self.cleaned_data["child"])


class ContactForm(forms.Form):
    phone = forms.CharField(label="Phone number", max_length=40, widget=forms.TextInput(attrs={"autocomplete": "tel"}))
    postcode = forms.CharField(label="Postcode", max_length=8, required=False, help_text="For example AL1 3AB.")


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is your child leaving? (optional)",
        required=False,
        max_length=150,
        help_text="It helps the hub plan; you do not have to say.",
    )


class MatchDecisionForm(forms.Form):
    same_child = forms.ChoiceField(
        label="Is this the same child?",
        choices=[
            ("yes", "Yes: merge the family's record into the one the hub has"),
            ("no", "No: they are different children"),
        ],
        widget=forms.RadioSelect,
    )


class ConsentQuestionsForm(forms.Form):
    """The hub's words for each consent it asks families; leave one empty not to ask it."""

    def __init__(self, *args: Any, current: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in Consent.Kind.choices:
            self.fields[kind] = forms.CharField(
                label=label,
                required=False,
                initial=current.get(kind, ""),
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text="Exactly what a family reads and agrees to. Leave it empty not to ask.",
            )
