"""Widgets the GOV.UK field templates render natively."""

from django import forms


class DateInput(forms.DateInput):
    """A browser date picker; the value is ISO (2025-03-14), which is also what people may type."""

    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


DATE_ERRORS = {"invalid": "Enter a real date, like 2025-03-14"}
