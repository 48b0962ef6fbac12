"""Forms for team management: they turn input into field errors; services assume valid input."""

from typing import Any

from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm
from django import forms

from tutti.accounts.models import HUB_ROLES, Role


class RolesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            choices=[(role.value, role.label) for role in HUB_ROLES],
            label="Roles in this hub",
            help_text="Select every role this person holds.",
            error_messages={"required": "Select at least one role"},
            **kwargs,
        )

    def clean(self, value: object) -> list[Role]:
        return [Role(role) for role in super().clean(value)]


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter the email address of the person to invite",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    roles = RolesField()


class RolesForm(forms.Form):
    roles = RolesField()


def _numeric_keypad(form: forms.Form) -> None:
    # Authenticator and recovery codes are all digits: a phone opens its number pad, not a full keyboard.
    form.fields["code"].widget.attrs.update(inputmode="numeric", autocomplete="one-time-code")


class CodeForm(AuthenticateForm):
    """The second step of signing in (settings.MFA_FORMS), its code field on a numeric keypad."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _numeric_keypad(self)


class ReauthenticateCodeForm(ReauthenticateForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _numeric_keypad(self)


class ActivateCodeForm(ActivateTOTPForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _numeric_keypad(self)
