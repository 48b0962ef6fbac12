"""Who opens the family portal: a signed-in person with a family account, a verified email and two-factor.

Guardians see children's records, so like every other role (DESIGN.md) they use an authenticator app.
A person without a family account (hub staff, say) is refused (403); another family's child is a 404,
because every portal read goes through the account's own links (selectors).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from tutti.accounts.access import two_factor_redirect, two_factor_satisfied
from tutti.families.models import FamilyAccount
from tutti.families.services.accounts import email_verified

View = TypeVar("View", bound=Callable[..., HttpResponse])


def family_required(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        account = FamilyAccount.objects.filter(user=request.user).select_related("user").first()
        if account is None:
            raise PermissionDenied("The family portal is for parents and carers with a family account.")
        if not email_verified(request.user):
            return redirect("families:verify_email")
        if not two_factor_satisfied(request):
            return two_factor_redirect(request)
        request.family = account  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapped  # type: ignore[return-value]


def family_of(request: HttpRequest) -> FamilyAccount:
    return cast(FamilyAccount, request.family)  # type: ignore[attr-defined]
