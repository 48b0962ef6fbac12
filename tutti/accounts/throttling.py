"""How django-axes finds the account a sign-in attempt was for, on allauth's form and the admin's."""

from typing import Any

from django.http import HttpRequest


def username_from_attempt(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The email address tried, lower-cased so 'Admin@...' and 'admin@...' share one failure count."""
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if not value and request is not None and request.method == "POST":
        value = request.POST.get("login") or request.POST.get("username")
    return str(value or "").strip().lower()
