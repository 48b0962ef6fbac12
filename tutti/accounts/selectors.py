"""Reads for people, memberships and the audit log."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict

from tutti.accounts.filters import AuditEventFilterSet
from tutti.accounts.models import AuditEvent, Membership, MembershipQuerySet, User
from tutti.accounts.services import CURRENT_HUB_SESSION_KEY
from tutti.network.models import HubArea


def hub_memberships_of(user: User | AnonymousUser) -> MembershipQuerySet:
    """A person's active memberships of hubs (not the national team), with hub and roles loaded."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user, hub__isnull=False).active().with_roles()


def national_membership_of(user: User | AnonymousUser) -> Membership | None:
    """The person's active membership of the national team, if they have one."""
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user).national().active().with_roles().first()


def current_membership(request: HttpRequest) -> Membership | None:
    """The membership of the hub the person is working in now.

    The hub chosen in this session when it is still an active membership; otherwise the only hub the
    person belongs to; otherwise none (someone in two hubs chooses explicitly).
    """
    if hasattr(request, "_tutti_current_membership"):
        return request._tutti_current_membership
    memberships = list(hub_memberships_of(request.user))
    chosen_id = request.session.get(CURRENT_HUB_SESSION_KEY)
    found = next((m for m in memberships if m.hub_id == chosen_id), None)
    if found is None and len(memberships) == 1:
        found = memberships[0]
    request._tutti_current_membership = found  # type: ignore[attr-defined]
    return found


def hub_team(hub: HubArea) -> MembershipQuerySet:
    """Everyone who belongs to the hub, enabled and disabled, with their roles, in two queries."""
    return Membership.objects.for_hub(hub).with_roles().order_by("disabled_at", "user__email")


def hub_audit_events(hub: HubArea) -> "QuerySet[AuditEvent]":
    """The hub's audit log, newest first, with who acted and who it was about joined (one query a page)."""
    return AuditEvent.objects.for_hub(hub).select_related("actor", "subject_user")


def audit_log_filterset(*, hub: HubArea, data: QueryDict) -> AuditEventFilterSet:
    return AuditEventFilterSet(data, queryset=hub_audit_events(hub), hub=hub)
