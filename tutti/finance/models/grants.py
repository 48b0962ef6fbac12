"""Grants: the hub's DfE revenue and capital grants and any other grant, with their reporting deadlines.

A DfE grant's amount is never stored here: it is the hub's published allocation in `network`, read
through its selectors, so the two cannot drift. Payments received against a grant are income entries
that point at it (ledger.IncomeEntry.grant), so a payment is counted once, as income.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from tutti.accounts.tenancy import HubScopedQuerySet
from tutti.core import academic_year
from tutti.network.models import TimestampedModel

YEAR_VALIDATORS = [MinValueValidator(2012), MaxValueValidator(2100)]


class Grant(TimestampedModel):
    """A grant the hub holds for a period: its DfE core revenue or capital grant for a year, or another grant.

    For the DfE grants the funder and the amount come from the published allocation (amount_pence is
    empty); another grant names its funder and amount. At most one DfE grant of each kind per year.
    """

    class Kind(models.TextChoices):
        DFE_REVENUE = "dfe_revenue", "DfE core revenue grant"
        DFE_CAPITAL = "dfe_capital", "DfE capital grant"
        OTHER = "other", "Other grant"

    DFE_KINDS = (Kind.DFE_REVENUE, Kind.DFE_CAPITAL)
    DFE_FUNDER = "Department for Education, through Arts Council England"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    academic_year = models.PositiveSmallIntegerField(
        validators=YEAR_VALIDATORS, help_text="The year the grant is accounted to: 2024 for 2024/25."
    )
    name = models.CharField(max_length=200, blank=True, help_text="Empty for a DfE grant: its kind names it.")
    funder = models.CharField(max_length=200, blank=True, help_text="Empty for a DfE grant.")
    amount_pence = models.PositiveBigIntegerField(null=True, blank=True, help_text="Empty for a DfE grant.")
    starts_on = models.DateField()
    ends_on = models.DateField()
    restricted = models.BooleanField(default=False, help_text="Restricted funds may be spent only as the funder says.")
    conditions = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = HubScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-academic_year", "kind", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind__in=["dfe_revenue", "dfe_capital"]) & Q(amount_pence__isnull=True) & Q(funder=""))
                | (Q(kind="other") & Q(amount_pence__gt=0) & ~Q(funder="") & ~Q(name="")),
                name="finance_grant_dfe_amount_from_allocation",
            ),
            models.UniqueConstraint(
                fields=["hub", "academic_year", "kind"],
                condition=Q(kind__in=["dfe_revenue", "dfe_capital"]),
                name="finance_one_dfe_grant_of_a_kind_per_year",
            ),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="finance_grant_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.title} {academic_year.label(self.academic_year)}"

    @property
    def is_dfe(self) -> bool:
        return self.kind in self.DFE_KINDS

    @property
    def title(self) -> str:
        return self.get_kind_display() if self.is_dfe else self.name

    @property
    def funder_name(self) -> str:
        return self.DFE_FUNDER if self.is_dfe else self.funder

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("finance:grant_detail", kwargs={"public_id": self.public_id})


class GrantDeadline(TimestampedModel):
    """A report the funder expects by a date (an interim report, the end-of-grant return)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="deadlines")
    due_on = models.DateField()
    report = models.CharField(max_length=200, help_text="What is due, for example 'Interim report'.")

    objects = HubScopedQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "report", "pk"]

    def __str__(self) -> str:
        return f"{self.report} due {self.due_on:%d %B %Y}"
