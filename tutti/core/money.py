"""Money is stored as integer pence and shown as pounds: `£1,672,854`, or `£12.50` with pence."""

from decimal import Decimal, InvalidOperation


def format_pence(pence: int) -> str:
    pounds, remainder = divmod(abs(pence), 100)
    sign = "-" if pence < 0 else ""
    if remainder:
        return f"{sign}£{pounds:,}.{remainder:02d}"
    return f"{sign}£{pounds:,}"


def parse_pounds(text: str) -> int:
    """Read an amount in pounds as written in a spreadsheet (`£1,672,854`, `1672854.00`) into pence.

    Raises ValueError with a message naming the text when it is not an amount.
    """
    cleaned = "".join(str(text).split()).replace("£", "").replace(",", "")  # every kind of space, no-break too
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not an amount of money") from None
    if not amount.is_finite():
        raise ValueError(f"{text!r} is not an amount of money")
    pence = amount * 100
    if pence != pence.to_integral_value():
        raise ValueError(f"{text!r} has fractions of a penny")
    return int(pence)
