"""How finance divides money and states shares: the rounding rules, written once and tested.

1. Amounts are whole pence (integers) from entry to total, so every sum is exact.
2. Amounts typed or imported must be whole pence: `£12.505` is refused, never rounded.
3. A division of money (a cost per learner, a budget spread over months) is rounded once, at the end,
   to the nearest penny, halves away from zero (2.5p is 3p). No intermediate value is rounded.
4. A share is a percentage to one decimal place, halves away from zero. Each share is rounded on its
   own, so the shares of a table may add to 99.9% or 100.1%; the amounts beside them are exact.
5. A ratio (the leverage of the DfE grant) has two decimal places, halves away from zero.

Dividing by nothing has no answer: these functions return None, and pages say so in words.
"""

from decimal import ROUND_HALF_UP, Decimal

ONE_DECIMAL = Decimal("0.1")
TWO_DECIMALS = Decimal("0.01")


def divide_pence(pence: int, by: int) -> int | None:
    """`pence / by` to the nearest penny, halves away from zero; None when `by` is 0."""
    if by == 0:
        return None
    return int((Decimal(pence) / Decimal(by)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def scale_pence(pence: int, numerator: int, denominator: int) -> int:
    """`pence * numerator / denominator` (a pro-rata part), multiplied before dividing, rounded once."""
    return int((Decimal(pence) * numerator / Decimal(denominator)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent(part: int, whole: int) -> Decimal | None:
    """`part` as a percentage of `whole` to one decimal place; None when `whole` is 0."""
    if whole == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def ratio(part: int, whole: int | None) -> Decimal | None:
    """`part / whole` to two decimal places; None when `whole` is 0 or not known."""
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(TWO_DECIMALS, rounding=ROUND_HALF_UP)
