"""Small counts outside the hub: a count below SMALL_COUNT_THRESHOLD (10) is shown as "fewer than 10".

The hub's own staff see exact figures; anything shared outside the hub (a download for partners or the
board, a national figure) goes through ``shared_count`` and ``shared_percent``, so a small group of
children can never be picked out, and no percentage is shown whose count would be hidden.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings


def threshold() -> int:
    return int(settings.SMALL_COUNT_THRESHOLD)


def fewer_than() -> str:
    return f"fewer than {threshold()}"


def is_small(count: int) -> bool:
    return count < threshold()


def shared_count(count: int) -> str:
    """A count as shown outside the hub: exact from the threshold up, otherwise "fewer than 10"."""
    return fewer_than() if is_small(count) else str(count)


def percent(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` as a percentage to one decimal place; None when there is no whole."""
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def shared_percent(part: int, whole: int) -> str:
    """A share as shown outside the hub: hidden when its count or its whole is small (either would give the
    other away), otherwise the percentage to one decimal place."""
    value = percent(part, whole)
    if value is None or is_small(part) or is_small(whole):
        return "not shown"
    return f"{value}%"
