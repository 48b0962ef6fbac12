"""Small counts are never shown outside the hub, whatever the counts and whatever the threshold setting."""

import re

from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from tutti.core.disclosure import shared_count, shared_percent

counts = st.integers(min_value=0, max_value=1_000_000)
thresholds = st.integers(min_value=1, max_value=50)


@given(count=counts, threshold=thresholds)
def test_a_count_below_the_threshold_reads_fewer_than_and_any_other_is_exact(count: int, threshold: int) -> None:
    with override_settings(SMALL_COUNT_THRESHOLD=threshold):
        shown = shared_count(count)
    assert shown == (f"fewer than {threshold}" if count < threshold else str(count))


@given(part=counts, extra=counts, threshold=thresholds)
def test_a_share_is_shown_only_when_its_count_and_its_whole_are_both_shown(
    part: int, extra: int, threshold: int
) -> None:
    whole = part + extra
    with override_settings(SMALL_COUNT_THRESHOLD=threshold):
        shown = shared_percent(part, whole)
    if part < threshold or whole < threshold:
        assert shown == "not shown"
    else:
        assert re.fullmatch(r"\d{1,3}\.\d%", shown)
        assert abs(float(shown[:-1]) - 100 * part / whole) <= 0.05
