"""Values every page template needs: the service navigation."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    text: str
    href: str
    current: bool


PUBLIC_NAVIGATION = [
    ("Find activities", "opportunities:finder"),
    ("Music Hubs", "network:hub_list"),
    ("Map", "network:map"),
    ("Downloads", "network:downloads"),
    ("API", "api:docs"),
]


def navigation(request: HttpRequest) -> dict[str, list[NavItem]]:
    items = []
    for text, name in PUBLIC_NAVIGATION:
        href = reverse(name)
        items.append(NavItem(text=text, href=href, current=request.path.startswith(href)))
    return {"service_navigation": items}
