"""Sign-in throttling with django-axes: one account from one address, and one address whatever the account.

A school's or a council's staff often share one public address, so locking an address after a few
failures would lock a whole office out for one person's typing, and locking an account wherever the
attempts come from would let anyone lock a known administrator out. Following OWASP's advice on
credential stuffing, a few failures lock only that account from that address
(`AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]`, `AXES_FAILURE_LIMIT`), and only many
failures from one address, across any accounts, lock the address itself (`SIGN_IN_ADDRESS_FAILURE_LIMIT`).
Both last for the same cool-off.
"""

from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


def username_from_attempt(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The email address tried, lower-cased so 'Admin@...' and 'admin@...' share one failure count."""
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if not value and request is not None and request.method == "POST":
        value = request.POST.get("login") or request.POST.get("username")
    return str(value or "").strip().lower()


def address_failures(request: HttpRequest) -> int:
    """Failed sign-ins from the request's address within the cool-off, for any account."""
    recent = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address,  # type: ignore[attr-defined]  # set by axes' middleware
        attempt_time__gte=get_cool_off_threshold(request),
    )
    return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0


class SignInThrottleHandler(AxesDatabaseHandler):
    """axes' database handler with a second, higher limit for an address on its own.

    axes compares one failure count with one limit. Its own count here is the account-and-address
    pair's; once the address alone reaches its higher limit the count is raised to the pair's limit,
    so axes locks every attempt from that address with its usual 429 and cool-off. A successful
    sign-in still clears only that pair's failures, so signing in to one's own account between
    guesses at others' does not wipe an address's record.
    """

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        failures = super().get_failures(request, credentials)
        if address_failures(request) >= settings.SIGN_IN_ADDRESS_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures
