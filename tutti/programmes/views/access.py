"""Who opens which programmes page, and the request's hub and staff record."""

from typing import cast

from django.http import HttpRequest

from tutti.accounts.models import Membership, Role, User
from tutti.network.models import HubArea
from tutti.programmes.models import StaffMember
from tutti.programmes.selectors import staff_member_of

MANAGERS = (Role.PROGRAMME_MANAGER, Role.HUB_ADMINISTRATOR)
REGISTER_ROLES = (Role.TUTOR, *MANAGERS)


def hub_of(request: HttpRequest) -> HubArea:
    return cast(HubArea, request.hub)  # type: ignore[attr-defined]


def user_of(request: HttpRequest) -> User:
    return cast(User, request.user)


def manages(request: HttpRequest) -> bool:
    membership = cast(Membership, request.membership)  # type: ignore[attr-defined]
    return bool(membership.role_set & set(MANAGERS))


def tutor_scope(request: HttpRequest) -> StaffMember | None:
    """None for managers (they see every activity); otherwise the tutor's own staff record.

    A tutor without a staff record gets an unsaved placeholder, so their scope is empty rather than all.
    """
    if manages(request):
        return None
    return staff_member_of(user=user_of(request), hub=hub_of(request)) or StaffMember(pk=0)
