"""Loans of assets to learners and to schools, the reminders sent about overdue ones, and repairs."""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q

from tutti.accounts.tenancy import HubScopedQuerySet
from tutti.instruments.models.assets import Asset, Condition

OPEN_LOAN_STATUSES = ("awaiting_agreement", "out")


class LoanQuerySet(HubScopedQuerySet["Loan"]):
    def open(self) -> "LoanQuerySet":
        """Loans still holding their asset: awaiting the guardian's agreement, or out."""
        return self.filter(status__in=OPEN_LOAN_STATUSES)

    def overdue(self, *, today: date) -> "LoanQuerySet":
        return self.filter(status=Loan.Status.OUT, due_on__lt=today)


class Loan(models.Model):
    """An asset lent to a learner (their guardian accepts the loan agreement) or to a school (a WCET class set).

    A learner's loan waits for the agreement (the asset reserved) until a guardian accepts it, on paper,
    by email or, later, in the family portal; then it is out. The database holds at most one open loan
    per asset, whatever the code does (``instruments_one_open_loan_per_asset``).
    """

    class Status(models.TextChoices):
        AWAITING_AGREEMENT = "awaiting_agreement", "Awaiting the loan agreement"
        OUT = "out", "On loan"
        RETURNED = "returned", "Returned"
        CANCELLED = "cancelled", "Cancelled"

    class Borrower(models.TextChoices):
        LEARNER = "learner", "A learner"
        SCHOOL = "school", "A school"

    class AgreementMethod(models.TextChoices):
        PAPER = "paper", "Signed paper form"
        EMAIL = "email", "By email"
        PORTAL = "portal", "In the family portal"

    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="loans")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    asset = models.ForeignKey(Asset, on_delete=models.PROTECT, related_name="loans")
    borrower = models.CharField(max_length=8, choices=Borrower.choices)
    learner = models.ForeignKey("learners.Learner", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    contact_email = models.EmailField(
        blank=True, help_text="For a school: who receives the reminders (a learner's go to their guardians)."
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    lent_on = models.DateField()
    due_on = models.DateField("Due back")
    condition_out = models.CharField("Condition when lent", max_length=10, choices=Condition.choices)
    hire_fee_pence = models.PositiveIntegerField(
        "Hire fee", default=0, help_text="Per term; remission is applied by the fees module when it bills it."
    )
    agreement_accepted_by = models.CharField(max_length=200, blank=True, help_text="The guardian who accepted.")
    agreement_accepted_on = models.DateField(null=True, blank=True)
    agreement_method = models.CharField(max_length=8, choices=AgreementMethod.choices, blank=True)
    returned_on = models.DateField(null=True, blank=True)
    condition_on_return = models.CharField(max_length=10, choices=Condition.choices, blank=True)
    return_notes = models.CharField(max_length=300, blank=True)
    lent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LoanQuerySet.as_manager()

    class Meta:
        ordering = ["-lent_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["asset"], condition=Q(status__in=OPEN_LOAN_STATUSES), name="instruments_one_open_loan_per_asset"
            ),
            models.CheckConstraint(
                condition=(Q(borrower="learner") & Q(learner__isnull=False, school__isnull=True))
                | (Q(borrower="school") & Q(school__isnull=False, learner__isnull=True)),
                name="instruments_loan_has_one_borrower",
            ),
            models.CheckConstraint(condition=Q(due_on__gte=models.F("lent_on")), name="instruments_due_after_lent"),
            models.CheckConstraint(
                condition=~Q(borrower="learner", status__in=["out", "returned"])
                | (Q(agreement_accepted_on__isnull=False) & ~Q(agreement_accepted_by="")),
                name="instruments_learner_loan_out_only_when_agreed",
            ),
            models.CheckConstraint(
                condition=(Q(status="returned") & Q(returned_on__isnull=False) & ~Q(condition_on_return=""))
                | (~Q(status="returned") & Q(returned_on__isnull=True)),
                name="instruments_returned_with_date_and_condition",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.asset.asset_tag} lent {self.lent_on:%d %b %Y} ({self.get_status_display()})"

    @property
    def borrower_label(self) -> str:
        """Who has it, as staff read it: the learner's reference (never more on lists) or the school."""
        if self.borrower == self.Borrower.LEARNER and self.learner is not None:
            return str(self.learner.reference)
        return str(self.school.name) if self.school is not None else ""


class LoanReminderQuerySet(HubScopedQuerySet["LoanReminder"]):
    hub_field = "loan__hub"


class LoanReminder(models.Model):
    """One overdue reminder sent about one loan on one day (at most one a day: re-running sends none)."""

    loan = models.ForeignKey(Loan, on_delete=models.CASCADE, related_name="reminders")
    sent_on = models.DateField()
    recipients = models.PositiveSmallIntegerField(help_text="How many addresses it went to.")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = LoanReminderQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_on"]
        constraints = [
            models.UniqueConstraint(fields=["loan", "sent_on"], name="instruments_one_reminder_per_loan_per_day")
        ]

    def __str__(self) -> str:
        return f"Reminder for {self.loan_id} on {self.sent_on:%d %b %Y}"


class RepairQuerySet(HubScopedQuerySet["Repair"]):
    hub_field = "asset__hub"

    def open(self) -> "RepairQuerySet":
        return self.filter(outcome=Repair.Outcome.PENDING)


class Repair(models.Model):
    """An asset sent to a supplier for repair: when, who, what it cost, and what came of it."""

    class Outcome(models.TextChoices):
        PENDING = "pending", "With the supplier"
        REPAIRED = "repaired", "Repaired"
        BEYOND_REPAIR = "beyond_repair", "Beyond economic repair"

    asset = models.ForeignKey(Asset, on_delete=models.PROTECT, related_name="repairs")
    sent_on = models.DateField("Sent for repair")
    supplier = models.CharField(max_length=200)
    fault = models.CharField("What is wrong", max_length=300)
    returned_on = models.DateField("Back from repair", null=True, blank=True)
    cost_pence = models.PositiveIntegerField("Cost", null=True, blank=True)
    outcome = models.CharField(max_length=14, choices=Outcome.choices, default=Outcome.PENDING)
    notes = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RepairQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["asset"], condition=Q(outcome="pending"), name="instruments_one_open_repair_per_asset"
            ),
            models.CheckConstraint(
                condition=(Q(outcome="pending") & Q(returned_on__isnull=True))
                | (~Q(outcome="pending") & Q(returned_on__isnull=False)),
                name="instruments_repair_back_when_decided",
            ),
            models.CheckConstraint(
                condition=Q(returned_on__isnull=True) | Q(returned_on__gte=models.F("sent_on")),
                name="instruments_repair_back_after_sent",
            ),
        ]

    def __str__(self) -> str:
        return f"Repair of {self.asset_id} by {self.supplier} ({self.get_outcome_display()})"
