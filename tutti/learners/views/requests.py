"""What the hub decorators put on a request, typed, and the person's field access in this hub."""

from typing import cast

from django.http import HttpRequest

from tutti.accounts.models import Membership, User
from tutti.learners.field_access import FieldAccess
from tutti.network.models import HubArea
from tutti.programmes.views.access import MANAGERS


def hub_of(request: HttpRequest) -> HubArea:
    return cast(HubArea, request.hub)  # type: ignore[attr-defined]


def user_of(request: HttpRequest) -> User:
    return cast(User, request.user)


def access_of(request: HttpRequest) -> FieldAccess:
    return FieldAccess.for_roles(cast(Membership, request.membership).role_set)  # type: ignore[attr-defined]


def opens_activities(request: HttpRequest) -> bool:
    """Whether the person may open an activity's page, so a learner's activities link to it."""
    return bool(cast(Membership, request.membership).role_set & set(MANAGERS))  # type: ignore[attr-defined]
