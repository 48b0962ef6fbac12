"""Template tags for the interactions log include: the address of the form for a subject."""

from django import template
from django.db import models
from django.urls import reverse

from tutti.partners.subjects import subject_key

register = template.Library()


@register.simple_tag
def interaction_new_url(subject: models.Model) -> str:
    """The "record an interaction" form for this subject (any opted-in model, see tutti.partners.subjects)."""
    return reverse(
        "partners:interaction_new",
        kwargs={"subject_type": subject_key(subject), "public_id": subject.public_id},  # type: ignore[attr-defined]
    )
