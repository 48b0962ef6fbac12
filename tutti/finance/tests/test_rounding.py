"""The rounding rules of tutti.finance.rounding, one case per rule."""

from decimal import Decimal

import pytest

from tutti.core.money import parse_pounds
from tutti.finance.rounding import divide_pence, percent, ratio, scale_pence


def test_amounts_with_fractions_of_a_penny_are_refused_not_rounded() -> None:
    with pytest.raises(ValueError, match="fractions of a penny"):
        parse_pounds("12.505")
    assert parse_pounds("£1,672,854") == 167_285_400


@pytest.mark.parametrize(
    ("pence", "by", "expected"),
    [(10, 4, 3), (9, 4, 2), (5, 2, 3), (-5, 2, -3), (100, 3, 33), (200, 3, 67), (0, 7, 0)],
)
def test_a_division_of_money_rounds_to_the_nearest_penny_halves_away_from_zero(pence, by, expected) -> None:
    assert divide_pence(pence, by) == expected


def test_dividing_by_nothing_has_no_answer() -> None:
    assert divide_pence(1_000, 0) is None
    assert percent(5, 0) is None
    assert ratio(5, 0) is None
    assert ratio(5, None) is None


def test_a_pro_rata_part_is_multiplied_before_it_is_divided() -> None:
    # £1,000.01 over 12 months, 7 to come: 100001 * 7 / 12 = 58333.9166…, rounded once to 58334p.
    assert scale_pence(100_001, 7, 12) == 58_334
    # Rounding the monthly figure first would give 8333p * 7 = 58331p: three pence lost.
    assert divide_pence(100_001, 12) * 7 == 58_331  # type: ignore[operator]


def test_shares_are_rounded_each_on_its_own_to_one_decimal_place() -> None:
    shares = [percent(1, 3), percent(1, 3), percent(1, 3)]
    assert shares == [Decimal("33.3")] * 3
    assert sum(shares) == Decimal("99.9")  # type: ignore[arg-type]
    assert percent(1, 8) == Decimal("12.5")
    assert percent(1, 16) == Decimal("6.3")  # 6.25 rounds half up


def test_the_leverage_ratio_has_two_decimal_places() -> None:
    assert ratio(1_005, 1_000) == Decimal("1.01")  # 1.005 rounds half up
    assert ratio(54_951_800, 222_237_200) == Decimal("0.25")
