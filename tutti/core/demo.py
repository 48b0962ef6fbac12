"""Loading a part of the demo at most once per hub, whatever people did with the demo data in between."""

from collections.abc import Callable
from typing import TypeVar

from django.db import transaction

from tutti.core.models import DemoLoad

T = TypeVar("T")


def load_once(*, part: str, hub_slug: str, load: Callable[[], T]) -> T | None:
    """Run ``load`` and record it, in one transaction; None, running nothing, when it was recorded before."""
    with transaction.atomic():
        _, created = DemoLoad.objects.get_or_create(part=part, hub_slug=hub_slug)
        if not created:
            return None
        return load()
