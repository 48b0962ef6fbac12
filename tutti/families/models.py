"""Family accounts: a person who signs in as a parent or carer, linked to the hubs' guardian records.

A family account is never a member of a hub and never sees a hub's lists: what it sees is reached through
its links to ``learners.Guardian`` records, each naming one child.
"""

from django.conf import settings
from django.db import models

from tutti.accounts.tenancy import HubScopedQuerySet
from tutti.learners.models import Consent


class FamilyAccount(models.Model):
    """The family side of a person's sign-in, with the activity they were applying for when they joined."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="family_account")
    applying_for = models.UUIDField(
        null=True, blank=True, help_text="The public listing the person started from, to carry on after signing in."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user__email"]

    def __str__(self) -> str:
        return f"Family account of {self.user}"


class GuardianLink(models.Model):
    """One guardian record (one child, in one hub) that a family account speaks for."""

    class Origin(models.TextChoices):
        ADDED = "added", "Added the child themselves"
        MATCHED = "matched", "Matched by their verified email address"

    account = models.ForeignKey(FamilyAccount, on_delete=models.PROTECT, related_name="links")
    guardian = models.OneToOneField("learners.Guardian", on_delete=models.PROTECT, related_name="family_link")
    origin = models.CharField(max_length=10, choices=Origin.choices)
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["linked_at", "pk"]

    def __str__(self) -> str:
        return f"{self.account} for {self.guardian}"


class YoungPersonLink(models.Model):
    """A young person (13 or over) who registered their own interest: their account speaks for themselves.

    Only for activities the hub marks as open to it (``Listing.young_people_may_apply``); the hub then
    contacts the family as it would for any application.
    """

    account = models.OneToOneField(FamilyAccount, on_delete=models.PROTECT, related_name="own_record")
    learner = models.OneToOneField("learners.Learner", on_delete=models.PROTECT, related_name="own_account")
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["linked_at", "pk"]

    def __str__(self) -> str:
        return f"{self.account} for themselves"


class ConsentQuestionQuerySet(HubScopedQuerySet["ConsentQuestion"]):
    pass


class ConsentQuestion(models.Model):
    """A consent the hub asks families for when they apply, in the hub's own words."""

    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=Consent.Kind.choices)
    wording = models.TextField()

    objects = ConsentQuestionQuerySet.as_manager()

    class Meta:
        ordering = ["kind"]
        constraints = [models.UniqueConstraint(fields=["hub", "kind"], name="families_one_question_per_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.wording[:40]}"


class ChildMatchQuerySet(HubScopedQuerySet["ChildMatch"]):
    def undecided(self) -> "ChildMatchQuerySet":
        return self.filter(decided_at__isnull=True)


class ChildMatch(models.Model):
    """A child a family added who may be a child the hub already knows (same name and date of birth).

    The hub's staff confirm it (the new record is merged into the known one) or say it is another child.
    """

    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    added = models.ForeignKey("learners.Learner", on_delete=models.PROTECT, related_name="+")
    known = models.ForeignKey("learners.Learner", on_delete=models.PROTECT, related_name="+")
    same_child = models.BooleanField(null=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ChildMatchQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["added", "known"], name="families_one_match_per_pair")]

    def __str__(self) -> str:
        return f"{self.added} may be {self.known}"
