import pytest

from tutti.core.money import format_pence, parse_pounds


@pytest.mark.parametrize(
    ("pence", "shown"),
    [(167285400, "£1,672,854"), (1250, "£12.50"), (5, "£0.05"), (0, "£0"), (-54951800, "-£549,518")],
)
def test_pence_are_shown_as_pounds(pence, shown):
    assert format_pence(pence) == shown


@pytest.mark.parametrize(
    "written",
    # A spreadsheet's accounting format puts a no-break space after the £; some locales group with thin spaces.
    ["£1,672,854", "1672854", "1672854.00", " £1,672,854.00 ", "1 672 854", "£\u00a01,672,854", "1\u202f672\u202f854"],
)
def test_pounds_as_written_in_a_spreadsheet_are_read_as_pence(written):
    assert parse_pounds(written) == 167285400


@pytest.mark.parametrize("written", ["about £2m", "", "1.234", "NaN", "£"])
def test_an_unreadable_amount_is_refused_naming_it(written):
    with pytest.raises(ValueError, match=r"amount of money|fractions of a penny"):
        parse_pounds(written)
