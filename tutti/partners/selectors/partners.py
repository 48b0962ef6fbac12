"""Reading partners: the filtered list (page, exports, API) and one partner's page."""

from django.db.models import Prefetch, QuerySet
from django.http import QueryDict

from tutti.network.models import HubArea, LocalAuthority
from tutti.partners.filters import PartnerFilterSet
from tutti.partners.models import Agreement, Partner, PartnerQuerySet, PassThroughShare


def _authorities() -> Prefetch:
    return Prefetch("local_authorities", queryset=LocalAuthority.objects.defer("boundary_svg").order_by("name"))


def partners_listed(hub: HubArea | None) -> PartnerQuerySet:
    """The hub's partners with their local authorities loaded (two queries for any number of rows)."""
    return Partner.objects.for_hub(hub).prefetch_related(_authorities())


def partner_filterset(*, hub: HubArea | None, data: QueryDict | None) -> PartnerFilterSet:
    """The list's filter set, bound to the query string: the page, the exports and the API share it."""
    return PartnerFilterSet(data if data is not None else QueryDict(), queryset=partners_listed(hub), hub=hub)


def partner_for_page(hub: HubArea | None) -> PartnerQuerySet:
    """The queryset one partner's page looks its partner up in: authorities and contacts loaded."""
    return partners_listed(hub).prefetch_related("contacts")


def agreements_of(partner: Partner) -> QuerySet[Agreement]:
    """The partner's agreements, newest year first, with their functions and aims (three queries)."""
    return (
        Agreement.objects.for_hub(partner.hub)
        .filter(partner=partner)
        .prefetch_related("strategic_functions", "aims")
        .order_by("-academic_year")
    )


def shares_of(partner: Partner) -> QuerySet[PassThroughShare]:
    """The grant shares passed through to the partner, newest year first."""
    return (
        PassThroughShare.objects.for_hub(partner.hub)
        .filter(partner=partner)
        .select_related("local_authority")
        .defer("local_authority__boundary_svg")
        .order_by("-academic_year", "local_authority__name")
    )
