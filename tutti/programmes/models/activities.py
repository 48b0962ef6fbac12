"""Activities (what the hub teaches, where, for whom), their weekly pattern and the sessions it generates."""

import uuid

from django.db import models

from tutti.accounts.tenancy import HubScopedQuerySet
from tutti.programmes.models.calendars import Term, TermCalendar
from tutti.programmes.models.workforce import Instrument, StaffMember


class ActivityQuerySet(HubScopedQuerySet["Activity"]):
    def taught_by(self, staff_member: StaffMember | None) -> "ActivityQuerySet":
        """The activities a tutor is assigned to (none when the person has no staff record)."""
        if staff_member is None:
            return self.none()
        return self.filter(tutors=staff_member)


class Activity(models.Model):
    """Something the hub runs for children and young people, or for teachers, over one or more terms."""

    class Kind(models.TextChoices):
        WCET = "wcet", "Whole-class ensemble teaching"
        SMALL_GROUP = "small_group", "Small-group lessons"
        INDIVIDUAL = "individual", "Individual lessons"
        ENSEMBLE = "ensemble", "Ensemble"
        CHOIR = "choir", "Choir"
        MUSIC_CENTRE = "music_centre", "Music centre"
        EVENT = "event", "Event or concert"
        TEACHER_TRAINING = "teacher_training", "Teacher training"
        PROJECT = "project", "Project or workshop"

    class Level(models.TextChoices):
        BEGINNER = "beginner", "Beginner"
        INTERMEDIATE = "intermediate", "Intermediate"
        ADVANCED = "advanced", "Advanced"
        COUNTY = "county", "County or area"

    class FeeBasis(models.TextChoices):
        FREE = "free", "Free"
        PER_TERM = "per_term", "Per term"
        PER_LESSON = "per_lesson", "Per lesson"

    LEVELLED_KINDS = (Kind.ENSEMBLE, Kind.CHOIR, Kind.MUSIC_CENTRE)

    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="activities")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    calendar = models.ForeignKey(TermCalendar, on_delete=models.PROTECT, related_name="activities")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    aims = models.ManyToManyField("network.Aim", related_name="activities")
    functions = models.ManyToManyField("network.StrategicFunction", related_name="activities")
    school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, null=True, blank=True, related_name="activities"
    )
    place_name = models.CharField("Venue", max_length=200, blank=True, help_text="When it is not at a school.")
    place_postcode = models.CharField("Venue postcode", max_length=8, blank=True)
    year_group_from = models.SmallIntegerField(null=True, blank=True, help_text="0 is Reception.")
    year_group_to = models.SmallIntegerField(null=True, blank=True)
    age_from = models.PositiveSmallIntegerField(null=True, blank=True)
    age_to = models.PositiveSmallIntegerField(null=True, blank=True)
    instruments = models.ManyToManyField(Instrument, blank=True, related_name="activities")
    level = models.CharField(max_length=12, choices=Level.choices, blank=True)
    capacity = models.PositiveIntegerField(help_text="How many children (or teachers) it has places for.")
    places_taken = models.PositiveIntegerField(
        default=0, editable=False, help_text="Offered and active enrolments; kept by the enrolment services."
    )
    fee_basis = models.CharField(max_length=12, choices=FeeBasis.choices, default=FeeBasis.FREE)
    fee_pence = models.PositiveIntegerField(default=0)
    send_adapted = models.BooleanField("Adapted for SEND", default=False)
    send_adaptation = models.TextField("How it is adapted", blank=True)
    tutors = models.ManyToManyField(StaffMember, blank=True, related_name="activities")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "activities"
        constraints = [
            # The database itself refuses an enrolment past the last place, whatever the code does.
            models.CheckConstraint(
                condition=models.Q(places_taken__lte=models.F("capacity")), name="programmes_places_within_capacity"
            ),
            models.CheckConstraint(condition=models.Q(capacity__gt=0), name="programmes_capacity_positive"),
            models.CheckConstraint(
                condition=models.Q(school__isnull=False) | ~models.Q(place_name=""),
                name="programmes_activity_has_venue",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="wcet") | models.Q(school__isnull=False), name="programmes_wcet_in_a_school"
            ),
            models.CheckConstraint(
                condition=models.Q(fee_basis="free", fee_pence=0)
                | (~models.Q(fee_basis="free") & models.Q(fee_pence__gt=0)),
                name="programmes_fee_matches_basis",
            ),
            models.CheckConstraint(
                condition=models.Q(send_adapted=False) | ~models.Q(send_adaptation=""),
                name="programmes_send_adaptation_described",
            ),
            models.CheckConstraint(
                condition=models.Q(level="") | models.Q(kind__in=["ensemble", "choir", "music_centre"]),
                name="programmes_level_only_for_ensembles",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def venue(self) -> str:
        if self.school is not None:
            return str(self.school.name)
        return f"{self.place_name}, {self.place_postcode}" if self.place_postcode else self.place_name

    @property
    def places_left(self) -> int:
        return self.capacity - self.places_taken


class WeeklySlot(models.Model):
    """When an activity meets each week, and in which terms; it generates the activity's sessions."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, "Monday"
        TUESDAY = 1, "Tuesday"
        WEDNESDAY = 2, "Wednesday"
        THURSDAY = 3, "Thursday"
        FRIDAY = 4, "Friday"
        SATURDAY = 5, "Saturday"
        SUNDAY = 6, "Sunday"

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="slots")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    starts_at = models.TimeField()
    ends_at = models.TimeField()
    terms = models.ManyToManyField(Term, related_name="slots")

    class Meta:
        ordering = ["weekday", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="programmes_slot_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts_at:%H:%M} to {self.ends_at:%H:%M}"


class SessionQuerySet(HubScopedQuerySet["Session"]):
    hub_field = "activity__hub"


class Session(models.Model):
    """One meeting of an activity on one day: planned, delivered, or not delivered and why."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        DELIVERED = "delivered", "Delivered"
        NOT_DELIVERED = "not_delivered", "Not delivered"

    class Reason(models.TextChoices):
        TUTOR_ABSENCE = "tutor_absence", "Tutor absence"
        SCHOOL_CLOSURE = "school_closure", "School closure"
        OTHER = "other", "Other"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="sessions")
    slot = models.ForeignKey(WeeklySlot, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions")
    date = models.DateField()
    starts_at = models.TimeField()
    ends_at = models.TimeField()
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.PLANNED)
    reason = models.CharField("Reason not delivered", max_length=14, choices=Reason.choices, blank=True)
    reason_note = models.CharField(max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["date", "starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "date", "starts_at"], name="programmes_one_session_per_time"),
            models.CheckConstraint(
                condition=models.Q(status="not_delivered", reason__gt="")
                | (~models.Q(status="not_delivered") & models.Q(reason="")),
                name="programmes_reason_only_when_not_delivered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity.name}, {self.date:%a %d %b %Y} {self.starts_at:%H:%M}"
