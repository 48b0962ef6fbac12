"""Forms for the workforce: a staff record (and the Tutti account it is linked to), a DBS check, a course."""

from datetime import date
from typing import Any, cast

from django import forms

from tutti.accounts.models import User
from tutti.network.models import HubArea
from tutti.programmes.forms.calendars import DATE_HINT, DateInput
from tutti.programmes.models import Instrument, SafeguardingCheck, StaffMember, TrainingRecord


class AccountChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.email)


class StaffForm(forms.ModelForm):
    """A tutor or other member of staff; the account is one of the hub's members, so they see their registers."""

    user = AccountChoiceField(
        label="Tutti account",
        queryset=User.objects.none(),
        required=False,
        empty_label="Not linked",
        help_text="Link the person's account so they see their own activities and registers.",
    )

    class Meta:
        model = StaffMember
        fields = ["first_name", "last_name", "job_title", "employment", "instruments", "user"]
        widgets = {"employment": forms.RadioSelect, "instruments": forms.CheckboxSelectMultiple}
        labels = {"instruments": "Instruments or voice they teach"}
        error_messages = {
            "first_name": {"required": "Enter the first name."},
            "last_name": {"required": "Enter the last name."},
            "employment": {"required": "Choose the employment type."},
        }

    def __init__(self, *args: Any, hub: HubArea, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hub = hub
        cast(forms.ModelChoiceField, self.fields["user"]).queryset = User.objects.filter(
            memberships__hub=hub, memberships__disabled_at__isnull=True
        ).order_by("email")
        cast(forms.ModelChoiceField, self.fields["instruments"]).queryset = Instrument.objects.all()
        self.fields["instruments"].required = False

    def clean_user(self) -> User | None:
        user = cast(User | None, self.cleaned_data.get("user"))
        if user is None:
            return None
        other = StaffMember.objects.for_hub(self.hub).filter(user=user).exclude(pk=self.instance.pk).first()
        if other is not None:
            raise forms.ValidationError(f"{user.email} is already linked to {other}'s staff record.")
        return user


class SafeguardingCheckForm(forms.Form):
    """The DBS certificate the hub saw: its number, date and the decision; the certificate is not kept."""

    certificate_number = forms.CharField(
        label="Certificate number", max_length=20, help_text="The 12 digits printed on the certificate."
    )
    issued_on = forms.DateField(label="Issue date", widget=DateInput, help_text=DATE_HINT)
    update_service = forms.BooleanField(label="Subscribed to the DBS update service", required=False)
    status_checked_on = forms.DateField(
        label="Update-service status last checked",
        required=False,
        widget=DateInput,
        help_text="Only for update-service subscribers.",
    )
    decision = forms.ChoiceField(label="Decision", choices=SafeguardingCheck.Decision.choices, widget=forms.RadioSelect)

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_certificate_number(self) -> str:
        number = "".join(self.cleaned_data["certificate_number"].split())
        if not (len(number) == 12 and number.isdigit()):
            raise forms.ValidationError("Enter the certificate number as 12 digits, like 001234567890.")
        return number

    def clean_issued_on(self) -> date:
        issued = cast(date, self.cleaned_data["issued_on"])
        if issued > self.today:
            raise forms.ValidationError("The issue date cannot be in the future.")
        return issued

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        checked, issued = data.get("status_checked_on"), data.get("issued_on")
        if checked and not data.get("update_service"):
            self.add_error("status_checked_on", "Only give a status check date for an update-service subscriber.")
        elif checked and issued and not issued <= checked <= self.today:
            self.add_error("status_checked_on", "The status check must fall between the issue date and today.")
        return data


class TrainingForm(forms.ModelForm):
    """A course attended; safeguarding training runs out after three years unless another date is given."""

    class Meta:
        model = TrainingRecord
        fields = ["kind", "title", "attended_on", "expires_on"]
        widgets = {"kind": forms.RadioSelect, "attended_on": DateInput, "expires_on": DateInput}
        labels = {"kind": "Kind of training", "attended_on": "Date attended", "expires_on": "Runs out on (optional)"}
        help_texts = {"expires_on": "Safeguarding training runs out three years after it was attended if left empty."}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("expires_on") and data.get("attended_on") and data["expires_on"] <= data["attended_on"]:
            self.add_error("expires_on", "The date it runs out must be after the date attended.")
        return data
