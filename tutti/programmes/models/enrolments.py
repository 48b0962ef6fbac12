"""Enrolments (a learner's place in an activity, or their place in its queue) and attendance marks."""

import uuid

from django.conf import settings
from django.db import models

from tutti.accounts.tenancy import HubScopedQuerySet
from tutti.programmes.models.activities import Activity, Session


class EnrolmentQuerySet(HubScopedQuerySet["Enrolment"]):
    def current(self) -> "EnrolmentQuerySet":
        """Applied, offered, waiting or active: the learner is still in the activity or its queue."""
        return self.filter(status__in=Enrolment.CURRENT)

    def holding_places(self) -> "EnrolmentQuerySet":
        return self.filter(status__in=Enrolment.HOLDING_PLACE)

    def waiting(self) -> "EnrolmentQuerySet":
        return self.filter(status=Enrolment.Status.WAITING).order_by("waiting_position")


class Enrolment(models.Model):
    """One learner's relationship with one activity, from application to completion or withdrawal.

    An offered or active enrolment holds one of the activity's places (``Activity.places_taken``); a
    waiting one holds a numbered position in the activity's queue.
    """

    class Status(models.TextChoices):
        APPLIED = "applied", "Applied"
        OFFERED = "offered", "Offered a place"
        WAITING = "waiting", "On the waiting list"
        ACTIVE = "active", "Active"
        COMPLETED = "completed", "Completed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    CURRENT = (Status.APPLIED, Status.OFFERED, Status.WAITING, Status.ACTIVE)
    HOLDING_PLACE = (Status.OFFERED, Status.ACTIVE)

    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="enrolments")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="enrolments")
    learner = models.ForeignKey("learners.Learner", on_delete=models.PROTECT, related_name="enrolments")
    status = models.CharField(max_length=10, choices=Status.choices)
    waiting_position = models.PositiveIntegerField(null=True, blank=True)
    applied_on = models.DateField()
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=200, blank=True)
    other_school_reason = models.CharField(
        "Why a pupil of another school joins",
        max_length=200,
        blank=True,
        help_text="Given when an in-school activity takes a pupil whose school is not the activity's.",
    )
    transferred_to = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="transferred_from"
    )
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["activity", "learner__last_name", "learner__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "learner"],
                condition=models.Q(status__in=["applied", "offered", "waiting", "active"]),
                name="programmes_one_current_enrolment_per_activity",
            ),
            models.UniqueConstraint(
                fields=["activity", "waiting_position"],
                condition=models.Q(status="waiting"),
                name="programmes_one_learner_per_waiting_position",
            ),
            models.CheckConstraint(
                condition=(models.Q(status="waiting") & models.Q(waiting_position__isnull=False))
                | (~models.Q(status="waiting") & models.Q(waiting_position__isnull=True)),
                name="programmes_waiting_position_only_when_waiting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner} in {self.activity} ({self.get_status_display()})"


class AttendanceQuerySet(HubScopedQuerySet["Attendance"]):
    hub_field = "session__activity__hub"


class Attendance(models.Model):
    """Whether a learner was at a session: the register mark a tutor records."""

    class Mark(models.TextChoices):
        PRESENT = "present", "Present"
        ABSENT = "absent", "Absent"
        LATE = "late", "Late"
        EXCUSED = "excused", "Excused"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    learner = models.ForeignKey("learners.Learner", on_delete=models.PROTECT, related_name="attendance")
    mark = models.CharField(max_length=8, choices=Mark.choices)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    marked_at = models.DateTimeField(auto_now=True)

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        ordering = ["session", "learner"]
        constraints = [
            models.UniqueConstraint(fields=["session", "learner"], name="programmes_one_mark_per_learner_session"),
        ]

    def __str__(self) -> str:
        return f"{self.get_mark_display()} at {self.session}"
