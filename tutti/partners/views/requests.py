"""What the hub decorators put on a request, typed for the views."""

from typing import cast

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

from tutti.accounts.models import Membership, Role, User
from tutti.network.models import HubArea


def hub_of(request: HttpRequest) -> HubArea:
    return cast(HubArea, request.hub)  # type: ignore[attr-defined]


def roles_of(request: HttpRequest) -> frozenset[Role]:
    return cast(Membership, request.membership).role_set  # type: ignore[attr-defined]


def user_of(request: HttpRequest) -> User:
    return cast(User, request.user)


def safe_next(request: HttpRequest, default: str) -> str:
    """The `next` address posted with a form when it stays on this site, else the default."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}):
        return candidate
    return default
