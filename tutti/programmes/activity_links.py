"""Links on an activity's page to pages of later modules (its public listing), registered by those modules.

Programmes comes before them in DESIGN.md's order and may not import them; each registers a label and a
URL name taking the activity's ``public_id`` when its app is ready.
"""

from dataclasses import dataclass

from django.urls import reverse

from tutti.programmes.models import Activity


@dataclass(frozen=True)
class ActivityLink:
    label: str
    url: str


_links: dict[str, str] = {}


def register_link(*, label: str, url_name: str) -> None:
    """Add a link; registering the same URL name again replaces it (ready() may run more than once in tests)."""
    _links[url_name] = label


def links_for(activity: Activity) -> list[ActivityLink]:
    return [
        ActivityLink(label, reverse(url_name, kwargs={"public_id": activity.public_id}))
        for url_name, label in _links.items()
    ]
