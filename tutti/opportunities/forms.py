"""The finder's search form, the listing form a programme manager fills in, and the document upload."""

import datetime
from typing import Any, cast

from django import forms

from tutti.opportunities.models import HubDocument, Listing, PostcodeDistrict
from tutti.opportunities.postcodes import UnknownPostcode, district_of, place_of
from tutti.opportunities.selectors import FinderQuery
from tutti.opportunities.services import ListingDetails
from tutti.programmes.models import WeeklySlot
from tutti.programmes.selectors import ActivityCriteria, instruments_taught

YEAR_GROUPS = [("", "Any year group"), ("0", "Reception")] + [(str(n), f"Year {n}") for n in range(1, 14)]
TIMES = {
    "morning": (None, datetime.time(12)),
    "afternoon": (datetime.time(12), datetime.time(17)),
    "evening": (datetime.time(17), None),
}
MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


class FinderForm(forms.Form):
    """Every filter of /opportunities/; all are optional, and a bad one is named next to its field."""

    postcode = forms.CharField(
        label="Postcode or postcode district", required=False, max_length=10, help_text="For example AL1 3AB or AL1."
    )
    age = forms.IntegerField(
        label="Age", required=False, min_value=0, max_value=25, help_text="The child's age in years."
    )
    year_group = forms.ChoiceField(label="School year", required=False, choices=YEAR_GROUPS)
    instrument = forms.ChoiceField(label="Instrument or voice", required=False)
    kind = forms.ChoiceField(label="Kind", required=False, choices=[("", "Any kind"), *Listing.Kind.choices])
    day = forms.ChoiceField(
        label="Day",
        required=False,
        choices=[("", "Any day"), *[(str(v), label) for v, label in WeeklySlot.Weekday.choices]],
    )
    time = forms.ChoiceField(
        label="Time of day",
        required=False,
        choices=[
            ("", "Any time"),
            ("morning", "Morning"),
            ("afternoon", "Afternoon"),
            ("evening", "Evening (from 5pm)"),
        ],
    )
    cost = forms.ChoiceField(
        label="Cost",
        required=False,
        choices=[("", "Any cost"), ("free", "Free"), ("help", "Free, or with fee remission available")],
    )
    send = forms.BooleanField(label="Adapted for special educational needs and disabilities (SEND)", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["instrument"]).choices = [("", "Any instrument or voice")] + [
            (str(instrument.pk), instrument.name) for instrument in instruments_taught()
        ]

    def clean_postcode(self) -> Any:
        text = self.cleaned_data["postcode"].strip()
        if not text:
            return None
        try:
            return place_of(text)
        except UnknownPostcode as error:
            raise forms.ValidationError(str(error)) from None

    def query(self) -> FinderQuery:
        data = self.cleaned_data
        starts_from, starts_before = TIMES.get(data["time"], (None, None))
        year = data["year_group"]
        criteria = ActivityCriteria(
            age=data["age"],
            year_group=int(year) if year != "" else None,
            instrument_id=int(data["instrument"]) if data["instrument"] else None,
            weekday=int(data["day"]) if data["day"] != "" else None,
            starts_from=starts_from,
            starts_before=starts_before,
            free_only=data["cost"] == "free",
            send_adapted=data["send"],
        )
        return FinderQuery(
            criteria=criteria, place=data["postcode"], kind=data["kind"], free_or_remission=data["cost"] == "help"
        )

    def widening_hints(self) -> list[str]:
        """What the family could drop or change when nothing fits, in the order they are most likely to help."""
        data = self.cleaned_data
        said = {
            "send": "include activities not marked as adapted for SEND",
            "cost": "include activities with a fee",
            "time": "choose any time of day",
            "day": "choose any day",
            "instrument": "choose any instrument or voice",
            "kind": "choose any kind of activity",
            "year_group": "choose any school year",
            "age": "leave out the age",
        }
        return [hint for field, hint in said.items() if data.get(field)]


class ListingForm(forms.ModelForm):
    """What the public sees of an activity; the venue is named here and kept as one of the hub's venues."""

    venue_name = forms.CharField(label="Venue", max_length=200)
    venue_address = forms.CharField(label="Venue address", max_length=300, required=False)
    venue_postcode = forms.CharField(label="Venue postcode", max_length=8, help_text="For example AL1 3AB.")
    remove_photo = forms.BooleanField(label="Remove the photo", required=False)

    class Meta:
        model = Listing
        fields = [
            "is_public",
            "kind",
            "description",
            "entry",
            "remission_available",
            "what_to_bring",
            "accessibility",
            "young_people_may_apply",
            "photo",
            "photo_description",
        ]
        widgets = {"kind": forms.RadioSelect, "entry": forms.RadioSelect, "photo": forms.FileInput}

    def clean_venue_postcode(self) -> str:
        postcode = " ".join(self.cleaned_data["venue_postcode"].upper().split())
        try:
            district = district_of(postcode)
        except UnknownPostcode as error:
            raise forms.ValidationError(str(error)) from None
        if not PostcodeDistrict.objects.filter(district=district).exists():
            raise forms.ValidationError(
                f"The finder cannot place postcode district {district} on the map. Check the postcode."
            )
        return postcode

    def clean_photo(self) -> Any:
        photo = self.cleaned_data.get("photo")
        if photo and getattr(photo, "size", 0) > MAX_PHOTO_BYTES:
            raise forms.ValidationError("The photo must be smaller than 5 MB.")
        return photo

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_photo = bool(self.files.get("photo")) or (bool(self.instance.photo) and not data.get("remove_photo"))
        if has_photo and not data.get("photo_description", "").strip():
            self.add_error("photo_description", "Describe what the photo shows, for people who cannot see it.")
        return data

    def details(self) -> ListingDetails:
        data = self.cleaned_data
        return ListingDetails(**{name: data[name] for name in ListingDetails.__dataclass_fields__})

    def new_photo(self) -> Any:
        return self.files.get("photo")


class DocumentForm(forms.Form):
    """A PDF for the hub's public page: checked by its first bytes, not only its name."""

    kind = forms.ChoiceField(label="Kind of document", choices=HubDocument.Kind.choices, widget=forms.RadioSelect)
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="As people will see it, for example Local Plan for Music Education 2025 to 2026.",
    )
    file = forms.FileField(label="The PDF file", help_text="PDF only, up to 20 MB.")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith(".pdf"):
            raise forms.ValidationError(f"“{upload.name}” is not a PDF: choose a file ending in .pdf.")
        if upload.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError("The file must be smaller than 20 MB.")
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(f"“{upload.name}” is named .pdf but is not a PDF file.")
        return upload
