"""The academic year runs 1 September to 31 August and is written `2024/25`.

It is stored as the calendar year in which it starts (2024 for 2024/25).
"""

import re
from datetime import date

_LABEL = re.compile(r"^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$")


def label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def parse(text: str) -> int:
    """`2024/25`, `2024-25` or `2024/2025` to 2024; ValueError naming the text otherwise."""
    match = _LABEL.match(str(text))
    if not match:
        raise ValueError(f"{text!r} is not an academic year like 2024/25")
    start, end = int(match.group(1)), int(match.group(2))
    if end % 100 != (start + 1) % 100 or (end >= 1000 and end != start + 1):
        raise ValueError(f"{text!r} is not an academic year: the second year must follow the first")
    return start


def containing(day: date) -> int:
    return day.year if day.month >= 9 else day.year - 1


def bounds(start_year: int) -> tuple[date, date]:
    """The first and last day of an academic year: 1 September to 31 August."""
    return date(start_year, 9, 1), date(start_year + 1, 8, 31)
