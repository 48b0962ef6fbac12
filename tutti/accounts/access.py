"""Who may open which page: sign-in, the current hub's roles, two-factor authentication, and 404s.

A view states its rule once::

    @hub_role_required(Role.HUB_ADMINISTRATOR)
    def team(request: HubRequest) -> HttpResponse: ...

Signed out: redirected to sign-in. Signed in without a hub or without the role: 403 (a national officer is
told that hub pages are for each hub's own staff, with a link to the national view). With the role but
without two-factor authentication in this session: sent to set it up (or to enter a code). Records are
then read through ``request.hub`` and the tenancy querysets, so another hub's record is a 404.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from tutti.accounts.models import AuditEvent, Role, User
from tutti.accounts.selectors import current_membership, national_membership_of
from tutti.accounts.services import audit_record
from tutti.accounts.tenancy import HubScopedQuerySet
from tutti.network.models import HubArea

View = TypeVar("View", bound=Callable[..., HttpResponse])
_M = TypeVar("_M", bound=models.Model)


def two_factor_satisfied(request: HttpRequest) -> bool:
    """The person has an authenticator app set up and used it (or a recovery code) in this session."""
    if not Authenticator.objects.filter(user_id=request.user.pk, type=Authenticator.Type.TOTP).exists():
        return False
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, request.user))


def two_factor_redirect(request: HttpRequest) -> HttpResponse:
    """Send the person to set up an authenticator app, or to enter a code, then back to this page."""
    has_totp = Authenticator.objects.filter(user_id=request.user.pk, type=Authenticator.Type.TOTP).exists()
    target = "mfa_reauthenticate" if has_totp else "mfa_activate_totp"
    response = redirect(target)
    response["Location"] += f"?next={request.path}"
    return response


def _not_a_national_page(request: HttpRequest) -> HttpResponse:
    """Say plainly, at the address itself, that a hub's pages are for its own staff, and where to go instead."""
    return render(request, "accounts/hub_page_for_hub_staff.html", {"path": request.path}, status=403)


def hub_role_required(*roles: Role, sensitive: bool = True) -> Callable[[View], View]:
    """Open the view only to people holding one of these roles in their current hub.

    ``sensitive`` (the default) also requires two-factor authentication in this session: every role
    can see some child's record or some money, and the hub's pages show both.
    """
    wanted = frozenset(roles)

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = current_membership(request)
            if membership is None:
                if national_membership_of(request.user) is not None:
                    return _not_a_national_page(request)
                if request.user.memberships.filter(hub__isnull=False, disabled_at__isnull=True).exists():
                    return redirect(f"{reverse('accounts:hub_switch')}?next={request.path}")
                raise PermissionDenied("You do not belong to a hub.")
            if not (membership.role_set & wanted):
                raise PermissionDenied("Your roles in this hub do not open this page.")
            if sensitive and not two_factor_satisfied(request):
                return two_factor_redirect(request)
            request.membership = membership  # type: ignore[attr-defined]
            request.hub = membership.hub  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


def national_officer_required(view: View) -> View:
    """Open the view only to national officers who used two-factor authentication in this session."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        membership = national_membership_of(request.user)
        if membership is None or Role.NATIONAL_OFFICER not in membership.role_set:
            raise PermissionDenied("Only national officers open this page.")
        if not two_factor_satisfied(request):
            return two_factor_redirect(request)
        return view(request, *args, **kwargs)

    return wrapped  # type: ignore[return-value]


def hub_object_or_404(request: HttpRequest, queryset: HubScopedQuerySet[_M], **lookup: Any) -> _M:
    """Look a record up through the current hub's scope; anything else is a 404.

    When the record exists in another hub, the attempt is written to both hubs' audit logs (after the
    decision: the lookup itself never sees the other hub's row).
    """
    hub = getattr(request, "hub", None)
    try:
        return queryset.for_hub(hub).get(**lookup)
    except ObjectDoesNotExist:
        current_hub_id = getattr(hub, "pk", None)
        owner_hub_ids = set(
            queryset.model._default_manager.filter(**lookup).values_list(f"{queryset.hub_field}_id", flat=True)
        ) - {None, current_hub_id}
        if owner_hub_ids:
            log_hub_ids = {hub_id for hub_id in (*owner_hub_ids, current_hub_id) if hub_id is not None}
            for log_hub in HubArea.objects.filter(pk__in=log_hub_ids):
                audit_record(
                    action=AuditEvent.Action.OTHER_HUB_RECORD_REFUSED,
                    hub=log_hub,
                    actor=request.user if isinstance(request.user, User) else None,
                    request=request,
                    path=request.path,
                )
        raise Http404("No such record in this hub.") from None
