"""The Schools function: the national schools register (from GIAS) and each hub's engagement with its schools.

A school is national data, not a hub's record: it has no hub of its own and belongs to a hub through its
local authority (``LocalAuthority.hub_area``). What a hub knows about a school (its Music Development
Plan, the services it takes, its music lead) is the hub's own record, ``SchoolEngagement``, one per
school and academic year, read only through ``SchoolEngagement.objects.for_hub(hub)``.
"""

import uuid
from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from tutti.accounts.tenancy import HubScopedQuerySet
from tutti.core import academic_year
from tutti.network.models import HubArea, LocalAuthority


class SchoolQuerySet(models.QuerySet["School"]):
    def in_hub_area(self, hub: HubArea | None) -> "SchoolQuerySet":
        """The schools in the hub area's local authorities; nothing without a hub."""
        if hub is None:
            return self.none()
        return self.filter(local_authority__hub_area=hub)

    def open(self) -> "SchoolQuerySet":
        """Schools open now, including those proposed to close (they still teach children)."""
        return self.filter(status__in=School.OPEN_STATUSES)

    def state_funded(self) -> "SchoolQuerySet":
        return self.filter(state_funded=True)


class School(models.Model):
    """One establishment of DfE's register (GIAS), identified by its URN; closed schools are kept, never deleted."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        OPEN_PROPOSED_TO_CLOSE = "open_closing", "Open, but proposed to close"
        PROPOSED_TO_OPEN = "proposed", "Proposed to open"
        CLOSED = "closed", "Closed"

    class Phase(models.TextChoices):
        NURSERY = "nursery", "Nursery"
        PRIMARY = "primary", "Primary"
        MIDDLE_PRIMARY = "middle_primary", "Middle deemed primary"
        MIDDLE_SECONDARY = "middle_secondary", "Middle deemed secondary"
        SECONDARY = "secondary", "Secondary"
        SIXTEEN_PLUS = "16_plus", "16 plus"
        ALL_THROUGH = "all_through", "All-through"
        NOT_APPLICABLE = "not_applicable", "Not applicable"

    OPEN_STATUSES = (Status.OPEN, Status.OPEN_PROPOSED_TO_CLOSE)

    urn = models.PositiveIntegerField("URN", unique=True, help_text="DfE's unique reference number.")
    name = models.CharField(max_length=200)
    establishment_type = models.CharField(max_length=100, blank=True, help_text="GIAS TypeOfEstablishment.")
    type_group = models.CharField(max_length=100, help_text="GIAS EstablishmentTypeGroup.")
    phase = models.CharField(max_length=20, choices=Phase.choices, default=Phase.NOT_APPLICABLE)
    statutory_low_age = models.PositiveSmallIntegerField(null=True, blank=True)
    statutory_high_age = models.PositiveSmallIntegerField(null=True, blank=True)
    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="schools")
    number_of_pupils = models.PositiveIntegerField(null=True, blank=True)
    percent_fsm = models.DecimalField(
        "% eligible for free school meals",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    postcode = models.CharField(max_length=10, blank=True)
    website = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    opened_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    latitude = models.DecimalField(max_digits=8, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    state_funded = models.BooleanField(
        default=False,
        help_text="Maintained, academy, free school or maintained special school (tutti.schools.gias.types).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SchoolQuerySet.as_manager()

    class Meta:
        ordering = ["name", "urn"]
        indexes = [models.Index(fields=["local_authority", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent_fsm__isnull=True) | Q(percent_fsm__gte=0, percent_fsm__lte=100),
                name="school_percent_fsm_0_to_100",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.urn})"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class Service(models.TextChoices):
    """The hub services a school can take (the NPME's offer to schools)."""

    WCET = "wcet", "Whole-class ensemble teaching"
    LESSONS = "lessons", "Instrumental and vocal lessons"
    TEACHER_TRAINING = "teacher_training", "Teacher training"
    ENSEMBLES = "ensembles", "Ensembles"
    SEND_SUPPORT = "send_support", "SEND support"
    CURRICULUM_SUPPORT = "curriculum_support", "Curriculum support"
    INSTRUMENT_LOANS = "instrument_loans", "Instrument loans"


class SchoolEngagementQuerySet(HubScopedQuerySet["SchoolEngagement"]):
    def in_year(self, year: int) -> "SchoolEngagementQuerySet":
        return self.filter(academic_year=year)


class SchoolEngagement(models.Model):
    """What one hub knows about one school in one academic year: its Music Development Plan, key features,
    the hub services it takes, any service agreement and its music lead. A school is *engaged* in a year
    when its hub holds this record for that year (entered by staff or by the school's survey reply)."""

    class PlanStatus(models.TextChoices):
        NONE = "none", "No plan"
        IN_PROGRESS = "in_progress", "In progress"
        PUBLISHED = "published", "Published"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hub = models.ForeignKey(HubArea, on_delete=models.PROTECT, related_name="school_engagements")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="engagements")
    academic_year = models.PositiveSmallIntegerField(validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    plan_status = models.CharField(
        "Music Development Plan", max_length=20, choices=PlanStatus.choices, default=PlanStatus.NONE
    )
    plan_summary_url = models.URLField("Link to the published summary", blank=True)
    plan_reviewed_on = models.DateField("Plan reviewed on", null=True, blank=True)
    curriculum_hour = models.BooleanField("At least an hour a week of curriculum music at key stages 1 to 3")
    choir = models.BooleanField("A choir or vocal ensemble")
    instrumental_ensemble = models.BooleanField("An instrumental ensemble")
    termly_performance = models.BooleanField("A termly school performance")
    live_music = models.BooleanField("Live music at least once a year")
    services = models.JSONField(default=list, blank=True, help_text="Codes of Service the school takes.")
    agreement_value_pence = models.PositiveIntegerField(
        "Service agreement or buy-back value", null=True, blank=True, help_text="In pence."
    )
    lead_name = models.CharField("Music lead's name", max_length=200, blank=True)
    lead_email = models.EmailField("Music lead's email", blank=True)
    lead_phone = models.CharField("Music lead's phone", max_length=40, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The partners module's interactions log can be about an engagement (tutti.partners.subjects).
    is_interaction_subject: ClassVar[bool] = True

    objects = SchoolEngagementQuerySet.as_manager()

    class Meta:
        ordering = ["-academic_year", "school__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["hub", "school", "academic_year"], name="one_engagement_per_hub_school_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.school.name} {academic_year.label(self.academic_year)}"

    def get_absolute_url(self) -> str:
        return reverse("schools:detail", kwargs={"urn": self.school.urn})

    @property
    def service_labels(self) -> list[str]:
        return [Service(code).label for code in self.services if code in Service.values]

    @property
    def key_feature_count(self) -> int:
        return sum(
            (
                self.curriculum_hour,
                self.choir,
                self.instrumental_ensemble,
                self.termly_performance,
                self.live_music,
            )
        )


class EngagementChange(models.Model):
    """The audit trail of an engagement record: who changed it, how (hub staff or the school's survey), when."""

    class Source(models.TextChoices):
        STAFF = "staff", "Hub staff"
        SURVEY = "survey", "School survey"

    hub = models.ForeignKey(HubArea, on_delete=models.PROTECT, related_name="+")
    engagement = models.ForeignKey(SchoolEngagement, on_delete=models.PROTECT, related_name="changes")
    source = models.CharField(max_length=10, choices=Source.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    fields_changed = models.CharField(max_length=500, blank=True)
    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = HubScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.engagement} changed by {self.get_source_display()}"


class SurveyLinkQuerySet(HubScopedQuerySet["SurveyLink"]):
    def in_year(self, year: int) -> "SurveyLinkQuerySet":
        return self.filter(academic_year=year)


class SurveyLink(models.Model):
    """A private link a hub sends one school for the annual survey. Only a SHA-256 digest of the random token
    is stored, so the database alone cannot open a survey; the link is shown once, when it is made."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hub = models.ForeignKey(HubArea, on_delete=models.PROTECT, related_name="school_survey_links")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="survey_links")
    academic_year = models.PositiveSmallIntegerField()
    token_digest = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    replied_at = models.DateTimeField(null=True, blank=True)

    objects = SurveyLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Survey link for {self.school.name} {academic_year.label(self.academic_year)}"
