"""A hub's remission scheme for one academic year: its criteria, what each gives, and the budget."""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from tutti.accounts.tenancy import HubScopedQuerySet
from tutti.core import academic_year
from tutti.core.money import format_pence
from tutti.programmes.models import Activity


class Criterion(models.TextChoices):
    """A circumstance that makes a child eligible for remission, in the words a family reads."""

    FREE_SCHOOL_MEALS = "free_school_meals", "Gets free school meals"
    PUPIL_PREMIUM = "pupil_premium", "The school receives pupil premium for them"
    LOOKED_AFTER = "looked_after", "Looked after by a local authority (in care)"
    PREVIOUSLY_LOOKED_AFTER = "previously_looked_after", "Previously looked after (adopted, or a special guardianship)"
    EHC_PLAN = "ehc_plan", "Has an education, health and care (EHC) plan"
    LOW_INCOME = "low_income", "Household income below the scheme's threshold"
    MEANS_TESTED_BENEFIT = "means_tested_benefit", "The family gets a means-tested benefit, such as Universal Credit"
    SIBLING = "sibling", "A brother or sister also learns with the hub"


# Circumstances that last from one year to the next: an approval on one of them carries into the next
# year's scheme for the inclusion lead to confirm, instead of the family applying afresh.
LASTING_CRITERIA = frozenset({Criterion.LOOKED_AFTER, Criterion.PREVIOUSLY_LOOKED_AFTER, Criterion.EHC_PLAN})


def activity_kind_label(code: str) -> str:
    """The words for a rule's or award's activity kind; empty means every kind."""
    return Activity.Kind(code).label.lower() if code in Activity.Kind.values else "every activity"


class RemissionSchemeQuerySet(HubScopedQuerySet["RemissionScheme"]):
    def in_year(self, year: int) -> "RemissionSchemeQuerySet":
        return self.filter(academic_year=year)


class RemissionScheme(models.Model):
    """The hub's rules and budget for fee remission in one academic year (stored as its start year)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="remission_schemes")
    academic_year = models.PositiveSmallIntegerField(validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    budget_pence = models.PositiveIntegerField(help_text="What the hub may spend on remission this year, in pence.")
    income_threshold_pence = models.PositiveIntegerField(
        null=True, blank=True, help_text="Household income below which a family qualifies, in pence a year."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RemissionSchemeQuerySet.as_manager()

    class Meta:
        ordering = ["-academic_year"]
        constraints = [
            models.UniqueConstraint(fields=["hub", "academic_year"], name="inclusion_one_scheme_per_hub_year"),
        ]

    def __str__(self) -> str:
        return f"Remission scheme {academic_year.label(self.academic_year)}"

    @property
    def year_label(self) -> str:
        return academic_year.label(self.academic_year)


class RemissionRuleQuerySet(HubScopedQuerySet["RemissionRule"]):
    hub_field = "scheme__hub"


class RemissionRule(models.Model):
    """What one criterion gives in a scheme, for one kind of activity or (kind left empty) for every kind.

    Either a percentage of each fee or a fixed amount off each fee (never more than the fee itself).
    """

    scheme = models.ForeignKey(RemissionScheme, on_delete=models.CASCADE, related_name="rules")
    criterion = models.CharField(max_length=30, choices=Criterion.choices)
    activity_kind = models.CharField(
        max_length=20, blank=True, help_text="An activity kind (programmes.Activity.Kind), or empty for every kind."
    )
    percent = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    amount_pence = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RemissionRuleQuerySet.as_manager()

    class Meta:
        ordering = ["criterion", "activity_kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "criterion", "activity_kind"], name="inclusion_one_rule_per_criterion_and_kind"
            ),
            models.CheckConstraint(
                condition=(Q(percent__isnull=False) & Q(amount_pence__isnull=True))
                | (Q(percent__isnull=True) & Q(amount_pence__gt=0)),
                name="inclusion_rule_percent_or_amount",
            ),
            models.CheckConstraint(
                condition=Q(percent__isnull=True) | Q(percent__gte=1, percent__lte=100),
                name="inclusion_rule_percent_1_to_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{Criterion(self.criterion).label}: {self.gives}"

    @property
    def activity_kind_label(self) -> str:
        return activity_kind_label(self.activity_kind)

    @property
    def gives(self) -> str:
        if self.percent is not None:
            return f"{self.percent}% off each fee"
        return f"{format_pence(self.amount_pence or 0)} off each fee"
