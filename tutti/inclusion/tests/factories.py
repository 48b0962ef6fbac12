"""factory_boy factories and small builders for remission: schemes, rules, applications, evidence files."""

import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from factory.django import DjangoModelFactory
from PIL import Image

from tutti.inclusion.demo import DEMO_PDF
from tutti.inclusion.models import Criterion, RemissionRule, RemissionScheme


class RemissionSchemeFactory(DjangoModelFactory[RemissionScheme]):
    class Meta:
        model = RemissionScheme

    hub = factory.SubFactory("tutti.network.tests.factories.HubAreaFactory")
    academic_year = 2025
    budget_pence = 1_000_000
    income_threshold_pence = 2_000_000


class RemissionRuleFactory(DjangoModelFactory[RemissionRule]):
    class Meta:
        model = RemissionRule

    scheme = factory.SubFactory(RemissionSchemeFactory)
    criterion = Criterion.FREE_SCHOOL_MEALS
    activity_kind = ""
    percent = 100
    amount_pence = None


def png_upload(name: str = "letter.png") -> SimpleUploadedFile:
    """A real (tiny) PNG, as a phone's photo of a letter would arrive."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def jpeg_upload(name: str = "letter.jpg") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


PLAIN_PDF = DEMO_PDF


def pdf_upload(name: str = "benefit-letter.pdf", content: bytes = PLAIN_PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")
