from datetime import date

import pytest

from tutti.core import academic_year


def test_a_year_is_written_with_its_two_calendar_years():
    assert academic_year.label(2024) == "2024/25"
    assert academic_year.label(2099) == "2099/00"


@pytest.mark.parametrize("written", ["2024/25", "2024-25", "2024/2025", " 2024 / 25 "])
def test_the_ways_people_write_a_year_are_read(written):
    assert academic_year.parse(written) == 2024


@pytest.mark.parametrize("written", ["2024/26", "24/25", "2024", "2024/2026"])
def test_a_year_that_does_not_follow_on_is_refused(written):
    with pytest.raises(ValueError, match="academic year"):
        academic_year.parse(written)


def test_the_year_turns_on_the_first_of_september():
    assert academic_year.containing(date(2025, 8, 31)) == 2024
    assert academic_year.containing(date(2025, 9, 1)) == 2025
