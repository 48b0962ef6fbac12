"""What the published OpenAPI schema at /api/schema/ documents."""

from typing import Any


def public_endpoints_only(endpoints: list[tuple[Any, ...]], **kwargs: Any) -> list[tuple[Any, ...]]:
    """The public API under /api/ only: each hub's own APIs live under /hub/, behind sign-in and two-factor."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]
