"""Writes for people, memberships, roles and the audit log. Every change here is audited."""

from collections.abc import Iterable
from importlib import import_module

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from tutti.accounts.models import AuditEvent, Membership, MembershipRole, Role, User
from tutti.network.models import HubArea

# The session key holding the id of the hub a person is working in (never a name: no personal data).
CURRENT_HUB_SESSION_KEY = "tutti_current_hub_id"


def client_address(request: HttpRequest | None) -> str | None:
    """The address a request came from, as django-axes resolved it (it knows the proxy settings)."""
    if request is None:
        return None
    return getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    action: AuditEvent.Action,
    hub: HubArea | None,
    actor: User | None,
    request: HttpRequest | None = None,
    subject_user: User | None = None,
    detail: str = "",
    path: str = "",
) -> AuditEvent:
    """Append one event to the audit log: who did what, to whom, in which hub, when, from where."""
    return AuditEvent.objects.create(
        action=action,
        hub=hub,
        actor=actor,
        subject_user=subject_user,
        detail=detail[:300],
        path=path[:300],
        ip_address=client_address(request),
    )


def _set_roles(*, membership: Membership, roles: Iterable[Role], by: User, request: HttpRequest | None) -> None:
    wanted = set(roles)
    current = membership.role_set
    Action = AuditEvent.Action
    changes = [(role, Action.ROLE_ADDED) for role in sorted(wanted - current)]
    changes += [(role, Action.ROLE_REMOVED) for role in sorted(current - wanted)]
    for role, action in changes:
        if action == Action.ROLE_ADDED:
            MembershipRole.objects.create(membership=membership, role=role)
        else:
            MembershipRole.objects.filter(membership=membership, role=role).delete()
        audit_record(
            action=action,
            hub=membership.hub,
            actor=by,
            request=request,
            subject_user=membership.user,
            detail=Role(role).label,
        )


def _send_invitation(*, user: User, hub: HubArea, request: HttpRequest | None) -> None:
    """Email the invited person a link to choose their password (allauth's password-reset link)."""
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    link = request.build_absolute_uri(path) if request is not None else path
    context = {"hub": hub, "link": link, "has_password": user.has_usable_password()}
    send_mail(
        subject=f"You have been invited to {hub.name} on Tutti",
        message=render_to_string("accounts/email/invitation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )


@transaction.atomic
def membership_invite(
    *, hub: HubArea, email: str, roles: Iterable[Role], by: User, request: HttpRequest | None = None
) -> Membership:
    """Invite a person to a hub with the given roles, creating their account when they have none.

    A new person gets no usable password: the emailed link lets them choose one. Inviting someone who
    already belongs to the hub re-enables the membership and sets its roles.
    """
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=None)
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    membership, created = Membership.objects.get_or_create(user=user, hub=hub, defaults={"invited_by": by})
    if created:
        audit_record(action=AuditEvent.Action.INVITED, hub=hub, actor=by, request=request, subject_user=user)
    elif membership.disabled_at is not None:
        membership_enable(membership=membership, by=by, request=request)
    _set_roles(membership=membership, roles=roles, by=by, request=request)
    transaction.on_commit(lambda: _send_invitation(user=user, hub=hub, request=request))
    return membership


@transaction.atomic
def membership_set_roles(
    *, membership: Membership, roles: Iterable[Role], by: User, request: HttpRequest | None = None
) -> Membership:
    """Give a membership exactly these roles, auditing each role added or removed."""
    _set_roles(membership=membership, roles=roles, by=by, request=request)
    return membership


def _end_sessions_in_hub(*, user: User, hub: HubArea | None) -> int:
    """End the person's sessions that are working in this hub (or have not chosen one yet)."""
    engine = import_module(settings.SESSION_ENGINE)
    ended = 0
    for user_session in UserSession.objects.filter(user=user):
        data = engine.SessionStore(user_session.session_key).load()
        current_hub_id = data.get(CURRENT_HUB_SESSION_KEY)
        if hub is None or current_hub_id is None or current_hub_id == hub.pk:
            user_session.end()
            ended += 1
    return ended


@transaction.atomic
def membership_disable(*, membership: Membership, by: User, request: HttpRequest | None = None) -> Membership:
    """Disable a membership: the person loses the hub at once and their sessions in it end."""
    if membership.disabled_at is not None:
        return membership
    membership.disabled_at = timezone.now()
    membership.save(update_fields=["disabled_at", "updated_at"])
    audit_record(
        action=AuditEvent.Action.MEMBERSHIP_DISABLED,
        hub=membership.hub,
        actor=by,
        request=request,
        subject_user=membership.user,
    )
    _end_sessions_in_hub(user=membership.user, hub=membership.hub)
    return membership


@transaction.atomic
def membership_enable(*, membership: Membership, by: User, request: HttpRequest | None = None) -> Membership:
    """Re-enable a disabled membership with the roles it had."""
    if membership.disabled_at is None:
        return membership
    membership.disabled_at = None
    membership.save(update_fields=["disabled_at", "updated_at"])
    audit_record(
        action=AuditEvent.Action.MEMBERSHIP_ENABLED,
        hub=membership.hub,
        actor=by,
        request=request,
        subject_user=membership.user,
    )
    return membership


def current_hub_switch(*, request: HttpRequest, membership: Membership) -> None:
    """Make this (active, hub) membership the one the person is working in for this session."""
    if membership.hub_id is None or not membership.is_active:
        raise ValueError("Only an active membership of a hub can be the current hub.")
    request.session[CURRENT_HUB_SESSION_KEY] = membership.hub_id
    audit_record(
        action=AuditEvent.Action.HUB_SWITCHED,
        hub=membership.hub,
        actor=membership.user,
        request=request,
    )


@transaction.atomic
def national_officer_appoint(*, user: User) -> Membership:
    """Make a person a national officer (a membership of the national team, with no hub)."""
    membership, _ = Membership.objects.get_or_create(user=user, hub=None)
    MembershipRole.objects.get_or_create(membership=membership, role=Role.NATIONAL_OFFICER)
    return membership
