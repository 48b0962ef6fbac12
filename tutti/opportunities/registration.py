"""What the opportunities module adds to earlier modules' pages: the hub's public page, the workspace, an activity."""

from typing import Any

from tutti.network.models import HubArea


def _hub_page_context(hub: HubArea) -> dict[str, Any]:
    from tutti.opportunities.selectors import hub_documents, hub_listings

    return {"hub": hub, "listings": hub_listings(hub), "documents": list(hub_documents(hub))}


def register() -> None:
    from tutti.accounts.models import Role
    from tutti.accounts.workspace import register_section
    from tutti.network.hub_page import register_part
    from tutti.programmes.activity_links import register_link

    register_part(template_name="opportunities/_hub_page_part.html", context=_hub_page_context)
    register_link(label="Public listing", url_name="opportunities_hub:listing_edit")
    register_section(
        label="Published documents",
        url_name="opportunities_hub:documents",
        roles=[Role.HUB_ADMINISTRATOR],
        description="The Local Plan for Music Education and the charging and remission policy, shown publicly.",
    )
