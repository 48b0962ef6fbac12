"""Forms for partners and their contacts."""

from typing import Any

from django import forms

from tutti.network.models import HubArea, LocalAuthority
from tutti.partners.models import Partner


class LocalAuthorityChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class PartnerForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200, error_messages={"required": "Enter the partner's name"})
    kind = forms.ChoiceField(
        label="Kind of organisation",
        choices=[("", "Choose a kind"), *Partner.Kind.choices],
        error_messages={"required": "Choose the kind of organisation"},
    )
    status = forms.ChoiceField(label="Status", choices=Partner.Status.choices, initial=Partner.Status.ACTIVE)
    local_authorities = LocalAuthorityChoiceField(
        label="Local authorities it serves",
        queryset=LocalAuthority.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    website = forms.URLField(
        label="Website",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter a web address, like https://www.example.org.uk"},
    )

    def __init__(self, *args: Any, hub: HubArea, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hub = hub
        self.fields["local_authorities"].queryset = (  # type: ignore[attr-defined]
            LocalAuthority.objects.filter(hub_area=hub).defer("boundary_svg").order_by("name")
        )
        self.partner_pk: int | None = None

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        others = Partner.objects.for_hub(self.hub).filter(name__iexact=name)
        if self.partner_pk is not None:
            others = others.exclude(pk=self.partner_pk)
        if others.exists():
            raise forms.ValidationError(f"This hub already has a partner called {name}")
        return name


class ContactForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200, error_messages={"required": "Enter the contact's name"})
    role = forms.CharField(label="Role", max_length=200, required=False)
    email = forms.EmailField(
        label="Email address",
        required=False,
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.org"},
    )
    phone = forms.CharField(label="Phone", max_length=40, required=False)
