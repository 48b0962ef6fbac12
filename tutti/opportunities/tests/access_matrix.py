"""Every URL of the opportunities module: the hub's pages in the cross-hub matrix, the public ones listed."""

from typing import Any

from django.core.files.base import ContentFile

from tutti.accounts.models import Role
from tutti.accounts.testing import AccessRule, person
from tutti.network.models import HubArea
from tutti.opportunities.models import HubDocument
from tutti.programmes.tests.factories import ActivityFactory

MANAGERS = frozenset({Role.PROGRAMME_MANAGER, Role.HUB_ADMINISTRATOR})
ADMINISTRATORS = frozenset({Role.HUB_ADMINISTRATOR})

# Anyone may open these: the finder, each public listing, the calendars and feeds, published documents.
PUBLIC_URL_NAMES = frozenset(
    {
        "opportunities:finder",
        "opportunities:listing",
        "opportunities:photo",
        "opportunities:listing_feed",
        "opportunities:calendar",
        "opportunities:hub_feed",
        "opportunities:document",
    }
)


def an_activity(hub: HubArea) -> dict[str, Any]:
    return {"public_id": ActivityFactory.create(hub=hub).public_id}


def a_document(hub: HubArea) -> dict[str, Any]:
    document = HubDocument(
        hub=hub,
        kind=HubDocument.Kind.LOCAL_PLAN,
        title="Local Plan",
        size_bytes=9,
        uploaded_by=person(hub=hub, roles=[Role.HUB_ADMINISTRATOR]),
    )
    document.file.save("plan.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return {"public_id": document.public_id}


MATRIX = [
    AccessRule("opportunities_hub:listing_edit", roles=MANAGERS, make_kwargs=an_activity),
    AccessRule("opportunities_hub:documents", roles=ADMINISTRATORS),
    AccessRule("opportunities_hub:document_withdraw", roles=ADMINISTRATORS, make_kwargs=a_document),
]
