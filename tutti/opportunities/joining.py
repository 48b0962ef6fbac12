"""Where an activity's public page sends a family to apply: the families module registers its joining page.

Families sits above opportunities in DESIGN.md's order, so it registers a URL name taking the listing's
``public_id`` when its app is ready; with none registered the page says to contact the hub.
"""

from django.urls import reverse

from tutti.opportunities.models import Listing

_join_url_names: list[str] = []


def register_join_page(url_name: str) -> None:
    """The page to apply from; registering again replaces it (ready() may run more than once in tests)."""
    _join_url_names[:] = [url_name]


def join_url(listing: Listing) -> str:
    return reverse(_join_url_names[0], kwargs={"public_id": listing.public_id}) if _join_url_names else ""
