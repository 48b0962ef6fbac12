"""The finance forms: a refused or wrong entry names what is wrong and keeps what was typed."""

from django.urls import reverse

from tutti.accounts.testing import sign_in
from tutti.finance.models import IncomeEntry
from tutti.finance.tests.factories import BudgetLineFactory, IncomeEntryFactory


def test_a_wrong_amount_is_named_and_the_form_keeps_what_was_typed(client, hub_a, hub_a_finance) -> None:
    sign_in(client, hub_a_finance)
    response = client.post(
        reverse("finance:income_new"),
        {"source": "schools", "booked_on": "2024-10-01", "amount_pence": "12.505", "description": "SLA for Oak school"},
    )
    page = response.content.decode()
    assert "&#x27;12.505&#x27; has fractions of a penny: enter an amount in pounds, like 12,500" in page
    assert 'value="SLA for Oak school"' in page
    assert not IncomeEntry.objects.exists()


def test_a_used_reference_is_refused_on_its_field(client, hub_a, hub_a_finance) -> None:
    IncomeEntryFactory.create(hub=hub_a, reference="SI-7")
    sign_in(client, hub_a_finance)
    data = {
        "source": "schools",
        "booked_on": "2024-10-01",
        "amount_pence": "10",
        "description": "SLA",
        "reference": "SI-7",
    }
    page = client.post(reverse("finance:income_new"), data).content.decode()
    assert '<a href="#id_reference">Reference SI-7 is already used' in page


def test_spending_offers_only_the_hubs_own_budget_lines(client, hub_a, hub_b, hub_a_finance) -> None:
    BudgetLineFactory.create(hub=hub_a, name="Our tutors")
    theirs = BudgetLineFactory.create(hub=hub_b, name="Their tutors")
    sign_in(client, hub_a_finance)
    page = client.get(reverse("finance:spending_new")).content.decode()
    assert "Our tutors" in page
    assert "Their tutors" not in page
    data = {"budget_line": theirs.pk, "booked_on": "2024-10-01", "amount_pence": "10", "description": "Pay"}
    assert "Select a valid choice" in client.post(reverse("finance:spending_new"), data).content.decode()


def test_another_grant_without_a_funder_is_named(client, hub_a, hub_a_finance) -> None:
    sign_in(client, hub_a_finance)
    page = client.post(reverse("finance:grant_new"), {"kind": "other", "academic_year": "2024/25", "name": "Fund"})
    text = page.content.decode()
    assert "Enter the funder" in text
    assert "Enter the amount awarded, more than £0" in text
    assert 'value="Fund"' in text
