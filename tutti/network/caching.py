"""Whole-page caching of the public network pages, keyed by the network's data revision.

The directory, map, downloads and API show the same thing to every anonymous visitor until an
import changes the data, and they are the pages 50 concurrent visitors hit. A cached page is keyed by
`selectors.network_revision()`, which every changing service bumps in its own transaction, so a page
is never served after its data changed, whichever process cached it. Signed-in people (whose header
differs) and requests carrying a one-off message are always served fresh.
"""

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from tutti.network.selectors import network_revision

# Old revisions are never read again; the timeout only bounds how long they take up room.
PAGE_TIMEOUT_SECONDS = 6 * 60 * 60

View = Callable[..., HttpResponseBase]


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return False
    return not len(get_messages(request))


def page_cache_key(request: HttpRequest) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"network-page:{network_revision()}:{path}"


def cached_public_page(view: View) -> View:
    """Serve an anonymous GET from the cache while the network data is unchanged."""
    return cached_public_page_for(PAGE_TIMEOUT_SECONDS)(view)


def cached_public_page_for(seconds: int) -> Callable[[View], View]:
    """The same, but for at most ``seconds``: for pages that also show data no revision bump covers (an
    activity's weekly times, a cancelled session), which may then be that many seconds behind."""

    def decorator(view: View) -> View:
        return _cached(view, seconds)

    return decorator


def _cached(view: View, timeout: int) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = page_cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            content, headers = cached
            return HttpResponse(content, headers=headers)
        response = view(request, *args, **kwargs)
        render = getattr(response, "render", None)
        if callable(render):  # template and API responses render lazily; the cache needs the bytes
            render()
        if isinstance(response, HttpResponse) and response.status_code == 200:
            cache.set(key, (response.content, dict(response.headers)), timeout)
        return response

    return wrapper
