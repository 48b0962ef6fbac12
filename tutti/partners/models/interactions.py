"""The interactions log: meetings, visits, calls and the rest, with a partner or a school as the subject.

The subject is generic (a content type and a row id), so a module above partners (schools) can log
interactions on its own records without partners ever importing it. A model becomes a possible subject
by opting in (see :mod:`tutti.partners.subjects`).
"""

import uuid
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from tutti.accounts.tenancy import HubScopedQuerySet
from tutti.network.models import TimestampedModel


class InteractionQuerySet(HubScopedQuerySet["Interaction"]):
    def about(self, subject: models.Model) -> "InteractionQuerySet":
        """The interactions whose subject is this record."""
        return self.filter(subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk)

    def open_follow_ups(self) -> "InteractionQuerySet":
        """Interactions with a follow-up that is not done yet."""
        return self.exclude(follow_up="").filter(follow_up_done_on__isnull=True)


class Interaction(TimestampedModel):
    """One contact between the hub and a partner or a school, and the follow-up it left, if any.

    A follow-up has words, a due date and an owner (one of the hub's people); it is done when its owner
    (or an editor) marks it so, which records the day and who did it.
    """

    class Kind(models.TextChoices):
        MEETING = "meeting", "Meeting"
        VISIT = "visit", "Visit"
        CALL = "call", "Call"
        EMAIL = "email", "Email"
        TRAINING = "training", "Training delivered"
        PERFORMANCE = "performance", "Performance"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    occurred_on = models.DateField("date")
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", help_text="The hub's own people who took part."
    )
    other_participants = models.TextField(blank=True, help_text="Everyone else who took part, in words.")
    notes = models.TextField()
    follow_up = models.TextField(blank=True)
    follow_up_due = models.DateField(null=True, blank=True)
    follow_up_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    follow_up_done_on = models.DateField(null=True, blank=True)
    follow_up_done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = InteractionQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id"], name="interaction_subject"),
            models.Index(fields=["follow_up_owner", "follow_up_done_on"], name="interaction_follow_up_owner"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(follow_up="")
                | Q(follow_up_due__isnull=True, follow_up_owner__isnull=True, follow_up_done_on__isnull=True),
                name="interaction_follow_up_details_need_a_follow_up",
            ),
            models.CheckConstraint(
                condition=Q(follow_up="") | Q(follow_up_due__isnull=False, follow_up_owner__isnull=False),
                name="interaction_follow_up_has_due_date_and_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.occurred_on:%d %B %Y}"

    @property
    def has_follow_up(self) -> bool:
        return bool(self.follow_up)

    @property
    def follow_up_is_open(self) -> bool:
        return bool(self.follow_up) and self.follow_up_done_on is None

    def follow_up_is_overdue(self, today: date) -> bool:
        return self.follow_up_is_open and self.follow_up_due is not None and self.follow_up_due < today
