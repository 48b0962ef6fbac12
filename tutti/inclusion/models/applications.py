"""A family's application for remission, its evidence files, and the remission an approval gives."""

import uuid
from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from tutti.accounts.tenancy import HubScopedQuerySet
from tutti.inclusion.models.schemes import Criterion, RemissionScheme, activity_kind_label


class ApplicationQuerySet(HubScopedQuerySet["RemissionApplication"]):
    def live(self) -> "ApplicationQuerySet":
        """Not refused or withdrawn: still being decided, waiting for budget, or approved."""
        return self.exclude(status__in=RemissionApplication.CLOSED)

    def waiting(self) -> "ApplicationQuerySet":
        return self.filter(status=RemissionApplication.Status.WAITING).order_by("waiting_position")


class RemissionApplication(models.Model):
    """A guardian's application for remission for one child under one year's scheme, and its decision.

    An approval that the year's budget cannot cover goes to the scheme's waiting list, numbered in the
    order of approval, and is approved from there when budget is freed. The decision (who, when, why)
    stays when the evidence is deleted under the retention setting.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Waiting for a decision"
        MORE_INFORMATION = "more_information", "More information asked for"
        WAITING = "waiting", "Approved, on the waiting list for budget"
        APPROVED = "approved", "Approved"
        REFUSED = "refused", "Refused"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Channel(models.TextChoices):
        ONLINE = "online", "Online, from the family portal"
        PAPER = "paper", "On paper"
        EMAIL = "email", "By email"
        RENEWAL = "renewal", "Carried over from last year's approval"

    OPEN = (Status.SUBMITTED, Status.MORE_INFORMATION)
    CLOSED = (Status.REFUSED, Status.WITHDRAWN)
    DECIDED = (Status.APPROVED, Status.REFUSED)

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="remission_applications")
    scheme = models.ForeignKey(RemissionScheme, on_delete=models.PROTECT, related_name="applications")
    learner = models.ForeignKey("learners.Learner", on_delete=models.PROTECT, related_name="remission_applications")
    criteria = models.JSONField(default=list, help_text="Codes of Criterion the family says apply.")
    applicant_name = models.CharField("Guardian's name", max_length=200)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    family_note = models.TextField(blank=True, help_text="Anything the family added in their own words.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    waiting_position = models.PositiveIntegerField(null=True, blank=True)
    renewal_of = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="renewed_by"
    )
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)
    information_asked = models.TextField(blank=True, help_text="What the inclusion lead last asked the family for.")
    committed_pence = models.PositiveIntegerField(
        default=0, help_text="The remission's value for the year, counted against the budget once approved."
    )
    overridden = models.BooleanField(default=False, help_text="The remission differs from what the criteria give.")
    decision_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "learner"],
                condition=~Q(status__in=["refused", "withdrawn"]),
                name="inclusion_one_live_application_per_learner_year",
            ),
            models.UniqueConstraint(
                fields=["scheme", "waiting_position"],
                condition=Q(status="waiting"),
                name="inclusion_one_application_per_waiting_position",
            ),
            models.CheckConstraint(
                condition=(Q(status="waiting") & Q(waiting_position__isnull=False))
                | (~Q(status="waiting") & Q(waiting_position__isnull=True)),
                name="inclusion_waiting_position_only_when_waiting",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["refused"]) | ~Q(decision_reason=""),
                name="inclusion_refusal_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(overridden=False) | ~Q(decision_reason=""),
                name="inclusion_override_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Remission application for {self.learner.reference} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def criteria_labels(self) -> list[str]:
        return [Criterion(code).label for code in self.criteria if code in Criterion.values]


class EvidenceFileQuerySet(HubScopedQuerySet["EvidenceFile"]):
    def kept(self) -> "EvidenceFileQuerySet":
        """Files still held (not yet deleted under the retention setting)."""
        return self.filter(deleted_at__isnull=True)


class EvidenceFile(models.Model):
    """One file a family sent as evidence, held in the private "evidence" storage under a generated name.

    Never served from a public address: only the download view streams it, as an attachment, to the hub's
    inclusion lead or administrator. When it is deleted under the retention setting the row stays (what
    was sent and when) with ``deleted_at`` set and no stored name.
    """

    class ContentType(models.TextChoices):
        PDF = "application/pdf", "PDF"
        JPEG = "image/jpeg", "JPEG image"
        PNG = "image/png", "PNG image"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    application = models.ForeignKey(RemissionApplication, on_delete=models.PROTECT, related_name="evidence")
    storage_name = models.CharField(max_length=200, blank=True)
    original_name = models.CharField(max_length=200, help_text="The file's name as sent, shown to staff only.")
    content_type = models.CharField(max_length=30, choices=ContentType.choices)
    size_bytes = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = EvidenceFileQuerySet.as_manager()

    class Meta:
        ordering = ["uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(deleted_at__isnull=True) & ~Q(storage_name=""))
                | (Q(deleted_at__isnull=False) & Q(storage_name="")),
                name="inclusion_evidence_stored_until_deleted",
            ),
        ]

    def __str__(self) -> str:
        return self.original_name


class RemissionAwardQuerySet(HubScopedQuerySet["RemissionAward"]):
    def in_force(self, on: date) -> "RemissionAwardQuerySet":
        return self.filter(starts_on__lte=on, ends_on__gte=on)


class RemissionAward(models.Model):
    """The remission an approval gives a learner: for one activity kind (or every kind), for a period.

    The fees module reads these through ``selectors.remission_for`` when it charges a fee; each row is a
    percentage of each fee or a fixed amount off each fee, and the most generous one in force applies.
    """

    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    application = models.ForeignKey(RemissionApplication, on_delete=models.PROTECT, related_name="awards")
    learner = models.ForeignKey("learners.Learner", on_delete=models.PROTECT, related_name="remission_awards")
    activity_kind = models.CharField(max_length=20, blank=True, help_text="Empty for every kind of activity.")
    percent = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    amount_pence = models.PositiveIntegerField(null=True, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RemissionAwardQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "activity_kind", "pk"]
        indexes = [models.Index(fields=["learner", "starts_on", "ends_on"], name="inclusion_award_lookup")]
        constraints = [
            models.CheckConstraint(
                condition=(Q(percent__isnull=False) & Q(amount_pence__isnull=True))
                | (Q(percent__isnull=True) & Q(amount_pence__gt=0)),
                name="inclusion_award_percent_or_amount",
            ),
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="inclusion_award_period"),
        ]

    def __str__(self) -> str:
        return f"Remission for {self.learner_id} from {self.starts_on:%d/%m/%Y}"

    @property
    def activity_kind_label(self) -> str:
        return activity_kind_label(self.activity_kind)
