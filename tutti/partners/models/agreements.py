"""What partners agree to each year, the grant shares passed through to delivery partners, and the board."""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from tutti.accounts.tenancy import HubScopedQuerySet
from tutti.core import academic_year
from tutti.network.models import TimestampedModel
from tutti.partners.models.organisations import Partner

YEAR_VALIDATORS = [MinValueValidator(2012), MaxValueValidator(2100)]


class Agreement(TimestampedModel):
    """A partner's agreement with the hub for one academic year: functions and aims, commitments, contribution.

    Contributions are in pence, cash and in kind separately. One agreement per partner per year.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="agreements")
    academic_year = models.PositiveSmallIntegerField(
        validators=YEAR_VALIDATORS, help_text="The year the academic year starts in: 2024 for 2024/25."
    )
    strategic_functions = models.ManyToManyField("network.StrategicFunction", blank=True, related_name="+")
    aims = models.ManyToManyField("network.Aim", blank=True, related_name="+")
    commitments = models.TextField(help_text="What the partner commits to, in words.")
    cash_pence = models.PositiveBigIntegerField(default=0)
    in_kind_pence = models.PositiveBigIntegerField(default=0)
    starts_on = models.DateField()
    ends_on = models.DateField()
    signed_by_name = models.CharField(max_length=200, blank=True)
    signed_by_role = models.CharField(max_length=200, blank=True)
    signed_on = models.DateField(null=True, blank=True)

    objects = HubScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-academic_year", "partner__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "academic_year"], name="agreement_one_per_partner_and_year"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="agreement_ends_after_it_starts"),
        ]

    def __str__(self) -> str:
        return f"{self.partner} {academic_year.label(self.academic_year)}"

    @property
    def contribution_pence(self) -> int:
        return self.cash_pence + self.in_kind_pence


class PassThroughShare(TimestampedModel):
    """Part of the hub's grant passed to a delivery partner for one academic year and local authority.

    The services refuse shares that would add up to more than the hub's published allocation for the year.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    academic_year = models.PositiveSmallIntegerField(validators=YEAR_VALIDATORS)
    local_authority = models.ForeignKey("network.LocalAuthority", on_delete=models.PROTECT, related_name="+")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="shares")
    amount_pence = models.PositiveBigIntegerField()

    objects = HubScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-academic_year", "local_authority__name", "partner__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "academic_year", "local_authority"], name="share_one_per_partner_year_authority"
            ),
            models.CheckConstraint(condition=Q(amount_pence__gt=0), name="share_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.partner} {academic_year.label(self.academic_year)} {self.local_authority.name}"


class BoardMember(TimestampedModel):
    """A member of the hub's board: who they are, the organisation they represent, their role and term."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    organisation = models.CharField(max_length=200, blank=True, help_text="The organisation they represent.")
    role = models.CharField(max_length=100, help_text="For example chair, vice-chair or member.")
    term_starts_on = models.DateField()
    term_ends_on = models.DateField(null=True, blank=True)

    objects = HubScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_ends_on__isnull=True) | Q(term_ends_on__gte=F("term_starts_on")),
                name="board_term_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"
