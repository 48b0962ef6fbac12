"""Views of the core app that belong to no domain."""

from django.http import HttpRequest, HttpResponse
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
