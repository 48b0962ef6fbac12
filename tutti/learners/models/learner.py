"""A child or young person the hub teaches: the minimum personal data, and a key that stays theirs."""

import uuid
from typing import Self

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models

from tutti.accounts.tenancy import HubScopedQuerySet
from tutti.learners.models.choices import Answer, Ethnicity, Gender, LookedAfter, Send, YearGroup

# The outward code of a UK postcode: area letters, district digit, optional letter or digit (AL1, SG12,
# B15, W1A, EC1V). The inward half (street level) is never stored for a learner.
POSTCODE_DISTRICT = RegexValidator(
    r"^[A-Z]{1,2}[0-9][A-Z0-9]?$",
    "Enter the first half of a postcode (its district), like AL1, SG12 or B15.",
)


class LearnerQuerySet(HubScopedQuerySet["Learner"]):
    def current(self) -> Self:
        """Learners not merged into another record."""
        return self.filter(merged_into__isnull=True)


class Learner(models.Model):
    """One child or young person, once, however many activities they join.

    ``public_id`` is the key in addresses and exports; ``reference`` (like HRT-000123) is the number
    people read out and type, unique within the hub. A learner merged into another keeps its row (so an
    old reference still leads somewhere) with ``merged_into`` set; everything it held moves to the kept
    learner. ``match_key`` (the name, case- and space-folded) is written by the services for duplicate
    detection.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="learners")
    reference = models.CharField(max_length=20, editable=False)
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    # No index of its own: every lookup is within a hub, served by learner_duplicate_lookup (hub, match_key, ...).
    match_key = models.CharField(max_length=201, editable=False)
    date_of_birth = models.DateField()
    school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, null=True, blank=True, related_name="learners"
    )
    year_group = models.SmallIntegerField(choices=YearGroup.choices, null=True, blank=True)
    postcode_district = models.CharField(max_length=4, validators=[POSTCODE_DISTRICT], blank=True)
    gender = models.CharField(max_length=20, choices=Gender.choices, default=Gender.NOT_KNOWN)
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOT_KNOWN)
    send = models.CharField("SEND", max_length=20, choices=Send.choices, default=Send.NOT_KNOWN)
    disadvantaged = models.CharField(
        "Eligible for free school meals or pupil premium",
        max_length=20,
        choices=Answer.choices,
        default=Answer.NOT_KNOWN,
    )
    looked_after = models.CharField(
        "Looked after or previously looked after",
        max_length=30,
        choices=LookedAfter.choices,
        default=LookedAfter.NOT_KNOWN,
    )
    young_carer = models.CharField(max_length=20, choices=Answer.choices, default=Answer.NOT_KNOWN)
    adaptations = models.TextField(
        "Adaptations for lessons",
        blank=True,
        help_text="What a tutor needs to know to teach this learner well (medical or SEND), as agreed with the "
        "family. Tutors see this; the diagnosis itself is not recorded here.",
    )
    merged_into = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_from")
    merged_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LearnerQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "pk"]
        indexes = [models.Index(fields=["hub", "match_key", "date_of_birth"], name="learner_duplicate_lookup")]
        constraints = [
            models.UniqueConstraint(fields=["hub", "reference"], name="learner_reference_unique_in_hub"),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name} ({self.reference})"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class ReferenceSeriesQuerySet(HubScopedQuerySet["ReferenceSeries"]):
    pass


class ReferenceSeries(models.Model):
    """The hub's counter for learner references: ``prefix``-``number`` (HRT-000123), never reused."""

    hub = models.OneToOneField("network.HubArea", on_delete=models.PROTECT, related_name="learner_references")
    prefix = models.CharField(max_length=6, validators=[RegexValidator(r"^[A-Z]{2,6}$", "Two to six capitals.")])
    last_number = models.PositiveIntegerField(default=0)

    objects = ReferenceSeriesQuerySet.as_manager()

    class Meta:
        ordering = ["prefix"]
        verbose_name_plural = "reference series"

    def __str__(self) -> str:
        return f"{self.prefix} (last {self.last_number})"
