"""Views of the core app that belong to no domain."""

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@require_safe
@never_cache
def health(request: HttpRequest) -> HttpResponse:
    """Answer "ok" without touching the database or templates.

    Load balancers poll it to know the process is serving, and the benchmark uses it as the
    baseline of what the server costs before any of our code runs.
    """
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form whose security check failed (an old page, or cookies refused) gets the site's own 403 page.

    Django's `reason` is for developers ("CSRF token missing"); people are told what to do instead.
    """
    context = {
        "heading": "Your form could not be sent",
        "reason": "The page was open too long, or your browser did not send the cookie that proves the form "
        "came from this site.",
        "csrf_failed": True,
    }
    return HttpResponseForbidden(render_to_string("403.html", context, request=request))
