from django import template

from tutti.core import academic_year
from tutti.core.money import format_pence

register = template.Library()


@register.filter
def pounds(pence: int | None) -> str:
    """Pence as `£1,672,854`; None (a figure not published) as an empty string for the template to explain."""
    if pence is None:
        return ""
    return format_pence(pence)


@register.filter
def year_label(start_year: int) -> str:
    return academic_year.label(start_year)
