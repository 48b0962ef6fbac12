"""Sign-in throttling with django-axes: one account from one address, and one address whatever the account.

A school's or a council's staff often share one public address, so locking an address after a few
failures would lock a whole office out for one person's typing, and locking an account wherever the
attempts come from would let anyone lock a known administrator out. Following OWASP's advice on
credential stuffing, a few failures lock only that account from that address
(`AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]`, `AXES_FAILURE_LIMIT`), and only many
failures from one address, across any accounts, lock the address itself (`SIGN_IN_ADDRESS_FAILURE_LIMIT`).
Both last for the same cool-off. Behind load balancers the address is the client's, read from the
X-Forwarded-For entries those balancers appended (`TRUSTED_PROXY_COUNT`), never the balancer's own.
"""

import ipaddress
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


def client_address_behind_proxies(request: HttpRequest) -> str | None:
    """The address of the person's own machine or network, past the proxies `TRUSTED_PROXY_COUNT` counts.

    Behind a load balancer every request comes from the balancer's address, which would put everyone in
    one failure count; only the entries our own proxies appended to X-Forwarded-For are believed.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    trusted = settings.TRUSTED_PROXY_COUNT
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if trusted <= 0 or len(forwarded) < trusted:
        return remote  # no proxy of ours, or a request that did not pass through them all
    try:
        return str(ipaddress.ip_address(forwarded[-trusted]))
    except ValueError:
        return remote  # not an address, so not written by a proxy of ours: PROXY_COUNT is set too high


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
