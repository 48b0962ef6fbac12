"""People and how they sign in: email is the identifier, there is no username."""

import uuid
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone

from tutti.accounts.tenancy import HubScopedQuerySet


class UserManager(DjangoUserManager["User"]):
    """Creates people by email address: Tutti has no usernames."""

    use_in_migrations = True

    def _create_user_by_email(self, email: str, password: str | None, **extra_fields: Any) -> "User":
        if not email:
            raise ValueError("An email address is required to create a person.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user_by_email(email, password, **extra_fields)

    def create_superuser(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> "User":
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if extra_fields["is_staff"] is not True or extra_fields["is_superuser"] is not True:
            raise ValueError("A superuser needs is_staff and is_superuser set.")
        return self._create_user_by_email(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in to Tutti, identified by their email address.

    What they may see comes from their memberships of hubs (or of the national team), never from
    Django's is_staff flag, which only opens the admin site.
    """

    username = None  # type: ignore[assignment]
    email = models.EmailField("email address", unique=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[UserManager] = UserManager()

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class Role(models.TextChoices):
    """What a person may do within a hub (DESIGN.md), plus the national officer's role across all hubs."""

    HUB_ADMINISTRATOR = "hub_administrator", "Hub administrator"
    PROGRAMME_MANAGER = "programme_manager", "Programme manager"
    FINANCE_OFFICER = "finance_officer", "Finance officer"
    INCLUSION_LEAD = "inclusion_lead", "Inclusion lead"
    TUTOR = "tutor", "Tutor"
    SCHOOL_MUSIC_LEAD = "school_music_lead", "School music lead"
    GUARDIAN = "guardian", "Guardian"
    NATIONAL_OFFICER = "national_officer", "National officer"


HUB_ROLES = [role for role in Role if role != Role.NATIONAL_OFFICER]
# The hub's own staff: they see the hub's workspace (its area, lead organisation, funding and team).
STAFF_ROLES = frozenset(
    {Role.HUB_ADMINISTRATOR, Role.PROGRAMME_MANAGER, Role.FINANCE_OFFICER, Role.INCLUSION_LEAD, Role.TUTOR}
)
# Roles that see money (the hub's funding, budgets, invoices).
FINANCE_ROLES = frozenset({Role.HUB_ADMINISTRATOR, Role.PROGRAMME_MANAGER, Role.FINANCE_OFFICER})
# Every role sees some child's record or some money, so every signed-in role needs two-factor
# authentication before such a page opens (tutti.accounts.access.role_required(sensitive=True)).
ROLES_SEEING_CHILDREN_OR_MONEY = frozenset(Role)


class MembershipQuerySet(HubScopedQuerySet["Membership"]):
    def active(self) -> "MembershipQuerySet":
        return self.filter(disabled_at__isnull=True)

    def national(self) -> "MembershipQuerySet":
        return self.filter(hub__isnull=True)

    def with_roles(self) -> "MembershipQuerySet":
        return self.select_related("user", "hub").prefetch_related("roles")


class Membership(models.Model):
    """A person's membership of one hub (or, with no hub, of the national team), with its roles.

    Disabled rather than deleted, so the audit log keeps pointing at it and it can be re-enabled.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    hub = models.ForeignKey(
        "network.HubArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        help_text="Empty for the national team.",
    )
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    disabled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["hub__name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "hub"], name="membership_one_per_person_and_hub"),
            models.UniqueConstraint(
                fields=["user"], condition=Q(hub__isnull=True), name="membership_one_national_per_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.hub or 'the national team'}"

    @property
    def is_active(self) -> bool:
        return self.disabled_at is None

    @property
    def role_set(self) -> frozenset[Role]:
        return frozenset(Role(row.role) for row in self.roles.all())

    def role_labels(self) -> list[str]:
        return sorted(Role(role).label for role in self.role_set)


class MembershipRole(models.Model):
    """One role a membership holds; a membership holds one or more."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=30, choices=Role.choices)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["role"]
        constraints = [
            models.UniqueConstraint(fields=["membership", "role"], name="membership_role_once"),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="membership_role_known"),
        ]

    def __str__(self) -> str:
        return Role(self.role).label


class AuditEventQuerySet(HubScopedQuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AuditLogIsAppendOnly("Audit events cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AuditLogIsAppendOnly("Audit events cannot be deleted.")


class AuditLogIsAppendOnly(Exception):
    """Raised when code tries to change or delete an audit event."""


class AuditEvent(models.Model):
    """One entry in the append-only audit log: who did what, when, from where.

    Rows are only ever inserted: save() refuses an update and delete() refuses, as does the queryset,
    and on PostgreSQL a trigger refuses UPDATE and DELETE too (migration 0003).
    """

    class Action(models.TextChoices):
        SIGNED_IN = "signed_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
        SIGNED_OUT = "signed_out", "Signed out"
        INVITED = "invited", "Invited to the hub"
        ROLE_ADDED = "role_added", "Role added"
        ROLE_REMOVED = "role_removed", "Role removed"
        MEMBERSHIP_DISABLED = "membership_disabled", "Membership disabled"
        MEMBERSHIP_ENABLED = "membership_enabled", "Membership enabled"
        HUB_SWITCHED = "hub_switched", "Switched to this hub"
        OTHER_HUB_RECORD_REFUSED = "other_hub_record_refused", "Refused a record of another hub"
        LEARNER_VIEWED = "learner_viewed", "Viewed a learner's record"
        LEARNER_CREATED = "learner_created", "Added a learner"
        LEARNER_CHANGED = "learner_changed", "Changed a learner's record"
        LEARNERS_EXPORTED = "learners_exported", "Exported learners"
        LEARNERS_MERGED = "learners_merged", "Merged two learners' records"
        LEARNERS_IMPORTED = "learners_imported", "Imported learners"
        REGISTER_MARKED = "register_marked", "Marked a register"
        SESSION_NOT_DELIVERED = "session_not_delivered", "Recorded a session as not delivered"
        ENROLMENT_CHANGED = "enrolment_changed", "Changed a learner's enrolment"
        STAFF_RECORD_CHANGED = "staff_record_changed", "Changed a staff record"
        SAFEGUARDING_CHECK_RECORDED = "safeguarding_check_recorded", "Recorded a DBS check"
        ACTIVITY_CHANGED = "activity_changed", "Changed an activity"
        PUBLIC_PAGE_CHANGED = "public_page_changed", "Changed what the public sees of the hub"
        FAMILY_ACCOUNT_CREATED = "family_account_created", "Created a family account"
        ASSET_CHANGED = "asset_changed", "Changed the asset register"
        ASSETS_IMPORTED = "assets_imported", "Imported the asset register"
        LOAN_CHANGED = "loan_changed", "Lent, took back or changed a loan"
        REPAIR_RECORDED = "repair_recorded", "Recorded a repair"
        REMISSION_SCHEME_CHANGED = "remission_scheme_changed", "Changed a remission scheme"
        REMISSION_APPLICATION_RECORDED = "remission_application_recorded", "Recorded a remission application"
        REMISSION_DECIDED = "remission_decided", "Decided a remission application"
        EVIDENCE_UPLOADED = "evidence_uploaded", "Added remission evidence"
        EVIDENCE_DOWNLOADED = "evidence_downloaded", "Downloaded remission evidence"
        EVIDENCE_DELETED = "evidence_deleted", "Deleted remission evidence after the retention period"

    hub = models.ForeignKey(
        "network.HubArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_events",
        help_text="The hub whose log this belongs to; empty for events outside any hub (a failed sign-in).",
    )
    actor = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    action = models.CharField(max_length=40, choices=Action.choices)
    subject_user = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    detail = models.CharField(max_length=300, blank=True)
    path = models.CharField(max_length=300, blank=True, help_text="The address requested, for refused attempts.")
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.occurred_at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AuditLogIsAppendOnly("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AuditLogIsAppendOnly("Audit events cannot be deleted.")
