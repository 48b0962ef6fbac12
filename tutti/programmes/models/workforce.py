"""The hub's workforce: tutors and other staff, their DBS checks and the training they attended.

No copy of a DBS certificate is ever stored: only its number, issue date, the update-service
subscription and the hub's decision, which is what a hub's single central record holds.
"""

import uuid
from datetime import date

from django.conf import settings
from django.db import models

from tutti.accounts.tenancy import HubScopedQuerySet

# The hub's renewal policy: a certificate is rechecked three years after issue, unless the person
# subscribes to the DBS update service and the hub checked their status online within the last year.
CHECK_RENEWAL_YEARS = 3
UPDATE_SERVICE_STATUS_CHECK_DAYS = 365
SAFEGUARDING_TRAINING_RENEWAL_YEARS = 3


def years_after(day: date, years: int) -> date:
    """The same day some years later (28 February for 29 February in a year without one)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class Instrument(models.Model):
    """An instrument, or voice, that a tutor teaches and an activity is for (national reference list)."""

    class Family(models.TextChoices):
        STRINGS = "strings", "Strings"
        WOODWIND = "woodwind", "Woodwind"
        BRASS = "brass", "Brass"
        PERCUSSION = "percussion", "Percussion"
        KEYBOARD = "keyboard", "Keyboard"
        GUITAR = "guitar", "Guitar and ukulele"
        VOICE = "voice", "Voice"
        TECHNOLOGY = "technology", "Music technology"
        OTHER = "other", "Other"

    name = models.CharField(max_length=60, unique=True)
    family = models.CharField(max_length=12, choices=Family.choices)

    class Meta:
        ordering = ["family", "name"]

    def __str__(self) -> str:
        return self.name


class StaffMemberQuerySet(HubScopedQuerySet["StaffMember"]):
    def current(self) -> "StaffMemberQuerySet":
        return self.filter(left_on__isnull=True)


class StaffMember(models.Model):
    """A tutor or other member of the hub's workforce, whether or not they sign in to Tutti."""

    class Employment(models.TextChoices):
        PERMANENT = "permanent", "Permanent"
        CONTRACTUAL = "contractual", "Fixed-term contract"
        FREELANCE = "freelance", "Freelance"

    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="staff")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff_records",
        help_text="Their Tutti account, so they see their own registers.",
    )
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    job_title = models.CharField(max_length=100, default="Tutor")
    employment = models.CharField("Employment type", max_length=12, choices=Employment.choices)
    instruments = models.ManyToManyField(Instrument, blank=True, related_name="staff")
    left_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StaffMemberQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["hub", "user"],
                condition=models.Q(user__isnull=False),
                name="programmes_one_staff_record_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def valid_check(self, *, on: date) -> "SafeguardingCheck | None":
        """The check that makes this person safe to teach on that day, if any."""
        return (
            self.safeguarding_checks.filter(
                decision__in=SafeguardingCheck.CLEARED, issued_on__lte=on, valid_until__gte=on
            )
            .order_by("-valid_until")
            .first()
        )

    def has_valid_check(self, *, on: date) -> bool:
        return self.valid_check(on=on) is not None


class SafeguardingCheckQuerySet(HubScopedQuerySet["SafeguardingCheck"]):
    """Checks belong to a hub through their staff member."""

    hub_field = "staff_member__hub"


class TrainingRecordQuerySet(HubScopedQuerySet["TrainingRecord"]):
    """Training belongs to a hub through its staff member."""

    hub_field = "staff_member__hub"


class SafeguardingCheck(models.Model):
    """An enhanced DBS check the hub saw, and its decision; the certificate itself is never kept."""

    class Decision(models.TextChoices):
        CLEAR = "clear", "Clear"
        CLEARED_AFTER_REVIEW = "cleared_after_review", "Information disclosed; cleared after risk assessment"
        NOT_CLEARED = "not_cleared", "Not cleared to work with children"

    CLEARED = (Decision.CLEAR, Decision.CLEARED_AFTER_REVIEW)

    staff_member = models.ForeignKey(StaffMember, on_delete=models.CASCADE, related_name="safeguarding_checks")
    certificate_number = models.CharField(max_length=12, help_text="The 12-digit number printed on the certificate.")
    issued_on = models.DateField("Issue date")
    update_service = models.BooleanField("Subscribed to the DBS update service", default=False)
    status_checked_on = models.DateField(
        "Update-service status last checked", null=True, blank=True, help_text="Only for update-service subscribers."
    )
    decision = models.CharField(max_length=24, choices=Decision.choices)
    valid_until = models.DateField(help_text="When the hub's policy asks for a new check or status check.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = SafeguardingCheckQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(certificate_number__regex=r"^[0-9]{12}$"),
                name="programmes_dbs_number_is_12_digits",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("issued_on")), name="programmes_check_valid_after_issue"
            ),
        ]

    def __str__(self) -> str:
        return f"DBS check issued {self.issued_on:%d %b %Y} ({self.get_decision_display()})"

    @staticmethod
    def policy_valid_until(*, issued_on: date, update_service: bool, status_checked_on: date | None) -> date:
        """Three years after issue, or a year after the last update-service status check if later."""
        until = years_after(issued_on, CHECK_RENEWAL_YEARS)
        if update_service and status_checked_on is not None:
            until = max(until, date.fromordinal(status_checked_on.toordinal() + UPDATE_SERVICE_STATUS_CHECK_DAYS))
        return until


class TrainingRecord(models.Model):
    """A course a staff member attended; safeguarding training expires and must be renewed."""

    class Kind(models.TextChoices):
        SAFEGUARDING = "safeguarding", "Safeguarding"
        OTHER = "other", "Other professional development"

    staff_member = models.ForeignKey(StaffMember, on_delete=models.CASCADE, related_name="training")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    title = models.CharField(max_length=200)
    attended_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TrainingRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-attended_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True) | models.Q(expires_on__gt=models.F("attended_on")),
                name="programmes_training_expires_after_attending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.attended_on:%d %b %Y})"
