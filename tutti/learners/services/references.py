"""Learner references (HRT-000123): a per-hub prefix and a counter that never goes back."""

import re

from django.db import transaction

from tutti.learners.models import ReferenceSeries
from tutti.network.models import HubArea

REFERENCE_DIGITS = 6


def prefix_for(hub: HubArea) -> str:
    """Three capitals from the hub's name: its first letter and the next two consonants (Hertfordshire: HRT)."""
    letters = re.sub(r"[^A-Za-z]", "", hub.slug or hub.name).upper()
    if not letters:
        return "HUB"
    consonants = [letter for letter in letters[1:] if letter not in "AEIOU"]
    prefix = (letters[0] + "".join(consonants[:2])).ljust(3, "X")
    return prefix[:3]


def format_reference(prefix: str, number: int) -> str:
    return f"{prefix}-{number:0{REFERENCE_DIGITS}d}"


def references_allocate(*, hub: HubArea, count: int) -> list[str]:
    """Take the hub's next ``count`` references, locking its counter so concurrent callers never share one."""
    if count <= 0:
        return []
    with transaction.atomic():
        ReferenceSeries.objects.get_or_create(hub=hub, defaults={"prefix": prefix_for(hub)})
        series = ReferenceSeries.objects.select_for_update().get(hub=hub)
        first = series.last_number + 1
        series.last_number += count
        series.save(update_fields=["last_number"])
    return [format_reference(series.prefix, number) for number in range(first, first + count)]
