from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def api_docs(request: HttpRequest) -> HttpResponse:
    """The API's documentation page, rendered by our own template (no third-party UI, no CDN)."""
    return render(request, "network/api/docs.html")
