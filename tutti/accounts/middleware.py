"""Sessions end 12 hours after sign-in whatever the activity (the 30-minute idle limit is Django's own:
SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST, enforced by the session store on the server)."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

SIGNED_IN_AT_SESSION_KEY = "tutti_signed_in_at"


class AbsoluteSessionLimitMiddleware:
    """Signs a person out once their session is older than SESSION_ABSOLUTE_LIMIT_SECONDS."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            signed_in_at = request.session.setdefault(SIGNED_IN_AT_SESSION_KEY, now)
            if now - float(signed_in_at) > settings.SESSION_ABSOLUTE_LIMIT_SECONDS:
                logout(request)
        return self.get_response(request)


def seconds_until_signed_out(request: HttpRequest) -> int:
    """How long this session lasts if the person makes no further request: the idle limit, or less when
    the 12-hour limit comes first (pages warn before it ends, so nothing typed is lost unawares)."""
    idle = int(settings.SESSION_COOKIE_AGE)
    signed_in_at = request.session.get(SIGNED_IN_AT_SESSION_KEY)
    if signed_in_at is None:
        return idle
    absolute = settings.SESSION_ABSOLUTE_LIMIT_SECONDS - (time.time() - float(signed_in_at))
    return max(0, min(idle, int(absolute)))
