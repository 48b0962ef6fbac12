"""The year's budget, by strategic function and budget line, and the income and spending booked against it.

Money is integer pence. Income and spending are always positive amounts: a refund is booked as what it
is (income, or a smaller spending line), so a total never hides a sign. An entry belongs to the academic
year its date falls in (1 September to 31 August).
"""

import uuid
from typing import Self, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import Q

from tutti.accounts.tenancy import HubScopedQuerySet
from tutti.core import academic_year
from tutti.finance.models.grants import YEAR_VALIDATORS, Grant
from tutti.network.models import TimestampedModel


class IncomeSource(models.TextChoices):
    """Where the hub's income comes from: the sources the sustainability figures are read by."""

    DFE_REVENUE = "dfe_revenue", "DfE revenue grant"
    DFE_CAPITAL = "dfe_capital", "DfE capital grant"
    OTHER_GRANTS = "other_grants", "Other grants"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    SCHOOLS = "schools", "Schools"
    PARENTAL = "parental", "Parental contributions"
    DONATIONS = "donations", "Donations and sponsorship"
    OTHER = "other", "Other"


DFE_SOURCES = (IncomeSource.DFE_REVENUE, IncomeSource.DFE_CAPITAL)
# The source of a payment received against a grant of each kind.
GRANT_SOURCES = {
    Grant.Kind.DFE_REVENUE: IncomeSource.DFE_REVENUE,
    Grant.Kind.DFE_CAPITAL: IncomeSource.DFE_CAPITAL,
    Grant.Kind.OTHER: IncomeSource.OTHER_GRANTS,
}


class BudgetLine(TimestampedModel):
    """One line of the hub's spending budget for an academic year, under one of the five strategic functions.

    `code` is the line's cost code in the hub's finance system, which an imported spending line names.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    academic_year = models.PositiveSmallIntegerField(validators=YEAR_VALIDATORS)
    function = models.ForeignKey("network.StrategicFunction", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    code = models.CharField(max_length=40, blank=True, help_text="The line's code in the finance system.")
    amount_pence = models.PositiveBigIntegerField(help_text="What the hub plans to spend on the line in the year.")

    objects = HubScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-academic_year", "function__position", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["hub", "academic_year", "name"], name="finance_budget_line_name_once"),
            models.UniqueConstraint(
                fields=["hub", "academic_year", "code"], condition=~Q(code=""), name="finance_budget_line_code_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} {academic_year.label(self.academic_year)}"


_Entry = TypeVar("_Entry", bound=models.Model)


class LedgerQuerySet(HubScopedQuerySet[_Entry]):
    def in_year(self, year: int) -> Self:
        first, last = academic_year.bounds(year)
        return self.filter(booked_on__range=(first, last))


class LedgerEntry(TimestampedModel):
    """What an income or spending line has in common: a date, a positive amount, words and a reference.

    `reference` is the transaction's reference in the finance system: an import matches lines by it, so
    importing the same export twice changes nothing.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    booked_on = models.DateField()
    amount_pence = models.PositiveBigIntegerField()
    description = models.CharField(max_length=300)
    reference = models.CharField(max_length=60, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        abstract = True
        ordering = ["-booked_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_pence__gt=0), name="%(app_label)s_%(class)s_amount_positive"),
            models.UniqueConstraint(
                fields=["hub", "reference"], condition=~Q(reference=""), name="%(app_label)s_%(class)s_reference_once"
            ),
        ]


class IncomeEntry(LedgerEntry):
    """Money the hub received, by source; a payment received against a grant points at the grant."""

    source = models.CharField(max_length=20, choices=IncomeSource.choices)
    grant = models.ForeignKey(Grant, on_delete=models.PROTECT, null=True, blank=True, related_name="payments")

    objects = LedgerQuerySet["IncomeEntry"].as_manager()

    class Meta(LedgerEntry.Meta):
        verbose_name_plural = "income entries"

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.booked_on}"


class SpendingEntry(LedgerEntry):
    """Money the hub spent, against a line of its budget (and so under one strategic function)."""

    budget_line = models.ForeignKey(BudgetLine, on_delete=models.PROTECT, related_name="spending")

    objects = LedgerQuerySet["SpendingEntry"].as_manager()

    class Meta(LedgerEntry.Meta):
        verbose_name_plural = "spending entries"

    def __str__(self) -> str:
        return f"{self.budget_line.name} {self.booked_on}"
