"""The participation download for sharing never shows a count below the threshold (a property-based test)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from tutti.inclusion.participation import GROUP_ORDER, Row
from tutti.inclusion.views.participation import CSV_HEADER, shared_row

count = st.integers(min_value=0, max_value=400)


@st.composite
def rows(draw: st.DrawFn) -> Row:
    """A group whose subsets are never more than its participants, with any school share."""
    participants = draw(count)
    subset = st.integers(min_value=0, max_value=participants)
    school = draw(st.none() | st.decimals(min_value=0, max_value=100, places=1))
    ethnicity = {group: draw(subset) for group in GROUP_ORDER}
    return Row(
        key="",
        label="A group",
        participants=participants,
        fsm=draw(subset),
        send=draw(subset),
        looked_after=draw(subset),
        ethnicity=ethnicity,
        school_pupils=draw(count),
        school_fsm_percent=school,
    )


@given(row=rows())
def test_no_count_below_10_is_shown_and_no_share_reveals_one(row: Row) -> None:
    shown = dict(zip(CSV_HEADER, shared_row("Hub area", row), strict=True))
    counts = {
        "Participants": row.participants,
        "Free school meals or pupil premium": row.fsm,
        "SEND": row.send,
        "Looked after or previously looked after": row.looked_after,
        **{f"Ethnicity: {group}": row.ethnicity[group] for group in GROUP_ORDER},
    }
    for column, value in counts.items():
        assert shown[column] == ("fewer than 10" if value < 10 else str(value)), column
    for column, part in (
        ("Free school meals or pupil premium (% of participants)", row.fsm),
        ("SEND (% of participants)", row.send),
        ("Looked after or previously looked after (% of participants)", row.looked_after),
    ):
        if part < 10 or row.participants < 10:
            assert shown[column] == "not shown", column
    if shown["Free school meals or pupil premium (% of participants)"] == "not shown":
        assert shown["Gap (percentage points)"] == "not shown"
    if row.school_fsm_percent is not None:
        assert shown["Schools' pupils eligible for free school meals (%)"] == f"{Decimal(row.school_fsm_percent)}%"
