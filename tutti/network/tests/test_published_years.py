from tutti.network.models import FundingAllocation
from tutti.network.selectors import published_allocation_years
from tutti.network.tests.factories import HubAreaFactory


def test_a_year_counts_as_published_only_with_its_whole_allocation(db: None) -> None:
    area = HubAreaFactory.create()
    FundingAllocation.objects.create(hub_area=area, academic_year=2023, stream="combined", amount_pence=9_00)
    FundingAllocation.objects.create(hub_area=area, academic_year=2024, stream="revenue", amount_pence=7_00)
    FundingAllocation.objects.create(hub_area=area, academic_year=2024, stream="capital", amount_pence=2_00)
    FundingAllocation.objects.create(hub_area=area, academic_year=2025, stream="revenue", amount_pence=7_00)

    assert published_allocation_years(area) == [2024, 2023]  # 2025 has revenue but no capital yet
