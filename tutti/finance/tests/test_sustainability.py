"""The sustainability figures and their page: income by source against the DfE grant, leverage, spending by
function, cost per participating learner and the pass-through shares."""

import csv
import datetime
import io
from decimal import Decimal

from django.urls import reverse

from tutti.accounts.testing import sign_in
from tutti.finance.models import IncomeSource
from tutti.finance.selectors import sustainability_figures
from tutti.finance.tests.factories import BudgetLineFactory, IncomeEntryFactory, SpendingEntryFactory
from tutti.network.models import FundingAllocation, StrategicFunction
from tutti.network.tests.factories import FundingAllocationFactory, LocalAuthorityFactory
from tutti.partners.models import PassThroughShare
from tutti.partners.tests.factories import PartnerFactory
from tutti.programmes.models import Enrolment
from tutti.programmes.tests.factories import ActivityFactory, TermCalendarFactory, learner


def _year_of_figures(hub, user) -> None:
    FundingAllocationFactory.create(hub_area=hub, stream=FundingAllocation.Stream.REVENUE, amount_pence=800_000_00)
    FundingAllocationFactory.create(hub_area=hub, stream=FundingAllocation.Stream.CAPITAL, amount_pence=200_000_00)
    for source, pence in [(IncomeSource.DFE_REVENUE, 800_000_00), (IncomeSource.SCHOOLS, 150_000_00),
                          (IncomeSource.PARENTAL, 100_000_00)]:  # fmt: skip
        IncomeEntryFactory.create(hub=hub, source=source, amount_pence=pence)
    IncomeEntryFactory.create(hub=hub, source=IncomeSource.SCHOOLS, booked_on=datetime.date(2025, 9, 1))  # next year
    schools = BudgetLineFactory.create(hub=hub, function=StrategicFunction.objects.get(slug="schools"))
    inclusion = BudgetLineFactory.create(hub=hub, function=StrategicFunction.objects.get(slug="inclusion"))
    SpendingEntryFactory.create(budget_line=schools, amount_pence=600_000_00)
    SpendingEntryFactory.create(budget_line=inclusion, amount_pence=300_000_00)
    calendar = TermCalendarFactory.create(hub=hub, academic_year=2024)
    first, second = (
        ActivityFactory.create(hub=hub, calendar=calendar),
        ActivityFactory.create(hub=hub, calendar=calendar),
    )
    for index in range(3):
        child = learner(hub)
        for activity in (first, second) if index == 0 else (first,):  # one child in two activities counts once
            Enrolment.objects.create(hub=hub, activity=activity, learner=child, status=Enrolment.Status.ACTIVE,
                                     applied_on=datetime.date(2024, 9, 1), started_on=datetime.date(2024, 9, 9),
                                     changed_by=user)  # fmt: skip
    Enrolment.objects.create(hub=hub, activity=first, learner=learner(hub), status=Enrolment.Status.WAITING,
                             waiting_position=1, applied_on=datetime.date(2024, 9, 1), changed_by=user)  # fmt: skip
    authority = LocalAuthorityFactory.create(hub_area=hub, name="Watford")
    PassThroughShare.objects.create(hub=hub, academic_year=2024, local_authority=authority,
                                    partner=PartnerFactory.create(hub=hub, name="Watford Music Trust"),
                                    amount_pence=150_000_00)  # fmt: skip


def test_the_years_figures(hub_a, hub_b, hub_a_finance, django_assert_max_num_queries) -> None:
    _year_of_figures(hub_a, hub_a_finance)
    with django_assert_max_num_queries(13):
        figures = sustainability_figures(hub=hub_a, academic_year=2024)
    income = {part.label: (part.pence, part.percent) for part in figures.income}
    assert income["DfE revenue grant"] == (800_000_00, Decimal("76.2"))
    assert income["Schools"] == (150_000_00, Decimal("14.3"))
    assert income["Donations and sponsorship"] == (0, Decimal("0.0"))
    assert figures.income_pence == 1_050_000_00
    assert figures.dfe_grant.total_pence == 1_000_000_00
    assert (figures.other_income_pence, figures.leverage) == (250_000_00, Decimal("0.25"))
    spending = {part.label: (part.pence, part.percent) for part in figures.spending}
    assert spending["Schools"] == (600_000_00, Decimal("66.7"))
    assert spending["Inclusion"] == (300_000_00, Decimal("33.3"))
    assert (figures.learners, figures.cost_per_learner_pence) == (3, 300_000_00)
    assert [(part.label, part.percent) for part in figures.shares] == [("Watford Music Trust", Decimal("15.0"))]
    empty = sustainability_figures(hub=hub_b, academic_year=2024)
    assert (empty.leverage, empty.cost_per_learner_pence, empty.income_pence) == (None, None, 0)


def test_the_page_shows_the_figures_and_says_when_the_grant_is_not_published(client, hub_a, hub_a_finance) -> None:
    _year_of_figures(hub_a, hub_a_finance)
    sign_in(client, hub_a_finance)
    page = client.get(reverse("finance:sustainability"), {"year": "2024/25"}).content.decode()
    assert "£0.25 of other income for every £1 of DfE grant" in page
    assert "£300,000" in page  # cost per participating learner
    assert 'class="tutti-chart__bar"' in page
    assert "style=" not in page
    page = client.get(reverse("finance:sustainability"), {"year": "2023/24"}).content.decode()
    assert "Not known: the DfE grant for 2023/24 is not published in this data" in page


def test_the_download_holds_the_pages_figures(client, hub_a, hub_a_finance) -> None:
    _year_of_figures(hub_a, hub_a_finance)
    sign_in(client, hub_a_finance)
    response = client.get(reverse("finance:sustainability_csv"), {"year": "2024/25"})
    assert response.content.startswith("\ufeff".encode())  # so "£" opens correctly in Excel on Windows
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert ["Leverage", "Other income per £1 of DfE grant", "", "", "0.25"] in rows
    assert ["Income by source", "Schools", "150000.00", "14.3", ""] in rows
    assert response["Content-Disposition"] == 'attachment; filename="sustainability-hertfordshire-2024-25.csv"'
    xlsx = client.get(reverse("finance:sustainability_xlsx"), {"year": "2024/25"})
    assert xlsx.content[:2] == b"PK"
