"""Term calendars: each hub's terms, half-terms and closure days for an academic year.

Every weekly schedule generates its sessions against these dates, so a closure entered here removes
the lessons that would have fallen on it.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models

from tutti.accounts.tenancy import HubScopedQuerySet
from tutti.core import academic_year


def year_bounds(start_year: int) -> tuple[date, date]:
    """The first and last day of an academic year (1 September to 31 August)."""
    return date(start_year, 9, 1), date(start_year + 1, 8, 31)


class TermCalendar(models.Model):
    """The teaching year of one hub: which weeks are terms and which days nobody is taught."""

    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="term_calendars")
    academic_year = models.PositiveSmallIntegerField(
        help_text="The year the academic year starts in: 2024 for 2024/25."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = HubScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-academic_year"]
        constraints = [
            models.UniqueConstraint(fields=["hub", "academic_year"], name="programmes_one_calendar_per_hub_year"),
        ]

    def __str__(self) -> str:
        return academic_year.label(self.academic_year)

    @property
    def label(self) -> str:
        return academic_year.label(self.academic_year)

    def closed_days(self) -> set[date]:
        """Every day inside a half-term or closure of this calendar."""
        days: set[date] = set()
        for pause in self.breaks.all():
            days.update(pause.days())
        return days


class TermQuerySet(HubScopedQuerySet["Term"]):
    """Terms belong to a hub through their calendar."""

    hub_field = "calendar__hub"


class CalendarBreakQuerySet(HubScopedQuerySet["CalendarBreak"]):
    """Breaks belong to a hub through their calendar."""

    hub_field = "calendar__hub"


def _check_inside_year(calendar: TermCalendar, starts_on: date | None, ends_on: date | None) -> None:
    first, last = year_bounds(calendar.academic_year)
    errors = {}
    if starts_on and not first <= starts_on <= last:
        errors["starts_on"] = f"The start date must fall in {calendar.label} (1 September to 31 August)."
    if ends_on and not first <= ends_on <= last:
        errors["ends_on"] = f"The end date must fall in {calendar.label} (1 September to 31 August)."
    if errors:
        raise ValidationError(errors)


class Term(models.Model):
    """One of the three terms of a calendar, with its first and last teaching day."""

    class Name(models.TextChoices):
        AUTUMN = "autumn", "Autumn"
        SPRING = "spring", "Spring"
        SUMMER = "summer", "Summer"

    calendar = models.ForeignKey(TermCalendar, on_delete=models.CASCADE, related_name="terms")
    name = models.CharField(max_length=10, choices=Name.choices)
    starts_on = models.DateField("First day")
    ends_on = models.DateField("Last day")

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["calendar", "starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["calendar", "name"], name="programmes_one_term_of_each_name"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")), name="programmes_term_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_name_display()} term {self.calendar.label}"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on <= self.starts_on:
            raise ValidationError({"ends_on": "The last day must be after the first day."})
        _check_inside_year(self.calendar, self.starts_on, self.ends_on)


class CalendarBreak(models.Model):
    """A half-term or a closure day (or days) when no session of the hub takes place."""

    class Kind(models.TextChoices):
        HALF_TERM = "half_term", "Half-term"
        CLOSURE = "closure", "Closure"

    calendar = models.ForeignKey(TermCalendar, on_delete=models.CASCADE, related_name="breaks")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    name = models.CharField(max_length=100, help_text="For example: October half-term, or INSET day.")
    starts_on = models.DateField("First day")
    ends_on = models.DateField("Last day", help_text="The same as the first day for a single closure day.")

    objects = CalendarBreakQuerySet.as_manager()

    class Meta:
        ordering = ["calendar", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="programmes_break_ends_on_or_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.starts_on:%d %b %Y} to {self.ends_on:%d %b %Y})"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The last day must be on or after the first day."})
        _check_inside_year(self.calendar, self.starts_on, self.ends_on)

    def days(self) -> list[date]:
        return [date.fromordinal(n) for n in range(self.starts_on.toordinal(), self.ends_on.toordinal() + 1)]
