"""The instruments pages as staff use them: the done-when story, forms that keep what was typed, refusals."""

import datetime
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tutti.accounts.models import AuditEvent
from tutti.accounts.testing import sign_in
from tutti.instruments.models import Asset, Loan, Repair
from tutti.instruments.services.loans import loan_to_learner
from tutti.instruments.tests.factories import AssetFactory, instrument, lent
from tutti.learners.models import Answer
from tutti.network.models import FundingAllocation
from tutti.programmes.tests.factories import StaffMemberFactory, learner

TODAY = timezone.localdate()


def _iso(day: datetime.date) -> str:
    return day.isoformat()


def test_an_instrument_bought_with_the_capital_grant_is_lent_returned_and_repaired(client, hub_a, hub_a_admin) -> None:
    """The issue's 'done when': each step shows on the capital tracker and the utilisation page."""
    FundingAllocation.objects.create(
        hub_area=hub_a, academic_year=2024, stream=FundingAllocation.Stream.CAPITAL, amount_pence=549_518_00
    )
    child = learner(hub_a, disadvantaged=Answer.YES)
    sign_in(client, hub_a_admin)

    response = client.post(reverse("instruments:asset_new"), {
        "asset_tag": "HRT-V100", "kind": "instrument", "instrument": instrument("Violin").pk, "size": "3/4",
        "make": "Stentor", "condition": "new", "location_kind": "store", "store_name": "Hertford store",
        "purchased_on": "2024-10-01", "cost": "249.99", "funding": "capital_grant", "capital_year_text": "2024/25",
    })  # fmt: skip
    violin = Asset.objects.for_hub(hub_a).get(asset_tag="HRT-V100")
    assert response.status_code == 302
    capital = client.get(reverse("instruments:capital")).text
    assert "£249.99" in capital
    assert "£549,268.01" in capital  # unspent: £549,518 less the violin

    response = client.post(reverse("instruments:asset_lend", kwargs={"public_id": violin.public_id}), {
        "borrower": "learner", "learner_reference": child.reference.lower(), "lent_on": _iso(TODAY),
        "due_on": _iso(TODAY + datetime.timedelta(days=90)), "hire_fee": "", "accepted_by": "Morgana Testparent",
        "accepted_on": _iso(TODAY), "agreement_method": "paper",
    })  # fmt: skip
    assert response.status_code == 302
    page = client.get(reverse("instruments:utilisation")).text
    assert "<strong>1 of 1</strong>" in page
    assert "1 to learners eligible for free school meals" in page

    loan = Loan.objects.for_hub(hub_a).get(asset=violin)
    client.post(reverse("instruments:loan_return", kwargs={"public_id": loan.public_id}),
                {"returned_on": _iso(TODAY), "condition": "poor", "notes": "Bridge loose"})  # fmt: skip
    client.post(reverse("instruments:repair_start", kwargs={"public_id": violin.public_id}),
                {"sent_on": _iso(TODAY), "supplier": "Bows & Bridges", "fault": "Bridge loose"})  # fmt: skip
    assert "<strong>0 of 1</strong>" in client.get(reverse("instruments:utilisation")).text
    client.post(reverse("instruments:repair_finish", kwargs={"public_id": violin.public_id}), {
        "returned_on": _iso(TODAY), "outcome": "repaired", "cost": "35", "condition": "good",
    })  # fmt: skip

    history = client.get(reverse("instruments:asset", kwargs={"public_id": violin.public_id})).text
    assert child.reference in history
    assert "Bows &amp; Bridges" in history
    assert "£35" in history
    violin.refresh_from_db()
    assert (violin.status, violin.condition) == (Asset.Status.AVAILABLE, "good")
    assert Repair.objects.filter(asset=violin, outcome=Repair.Outcome.REPAIRED).exists()


def test_an_incomplete_asset_form_names_each_problem_and_keeps_what_was_typed(client, hub_a, hub_a_manager) -> None:
    sign_in(client, hub_a_manager)

    response = client.post(reverse("instruments:asset_new"), {
        "asset_tag": "HRT-X1", "kind": "instrument", "make": "Yamaha", "adaptive": "on", "condition": "good",
        "location_kind": "store", "cost": "twelve", "funding": "capital_grant", "capital_year_text": "2024",
    })  # fmt: skip

    page = response.text
    assert response.status_code == 200
    assert "<title>Error: Add an asset" in page
    for message in (
        "Choose the instrument type of an instrument",
        "Enter what the adaptive or SEND-specific asset is for",
        "Enter the store&#x27;s name where it is kept",
        "Enter the cost in pounds",
        "Enter the capital grant year like 2024/25",
    ):
        assert message in page
    assert 'value="Yamaha"' in page
    assert 'value="twelve"' in page
    assert not Asset.objects.exists()


def test_a_second_asset_with_the_same_tag_is_refused_on_the_form(client, hub_a, hub_a_manager) -> None:
    AssetFactory.create(hub=hub_a, asset_tag="HRT-V1")
    sign_in(client, hub_a_manager)

    response = client.post(reverse("instruments:asset_new"), {"asset_tag": "hrt-v1", "kind": "instrument"})

    assert "Another asset of the hub already has the tag hrt-v1." in response.text


def test_lending_to_an_unknown_reference_says_so_and_keeps_the_form(client, hub_a, hub_b, hub_a_manager) -> None:
    violin, elsewhere = AssetFactory.create(hub=hub_a), learner(hub_b)
    sign_in(client, hub_a_manager)

    response = client.post(reverse("instruments:asset_lend", kwargs={"public_id": violin.public_id}), {
        "borrower": "learner", "learner_reference": elsewhere.reference, "lent_on": _iso(TODAY),
        "due_on": _iso(TODAY - datetime.timedelta(days=1)), "accepted_by": "Morgana Testparent",
    })  # fmt: skip

    page = response.text
    assert f"No current learner of this hub has the reference {elsewhere.reference}" in page
    assert "The due date must be on or after the day it is lent" in page
    assert "Enter the day the guardian accepted the loan agreement" in page
    assert f'value="{elsewhere.reference}"' in page
    assert not Loan.objects.exists()


def test_lending_an_asset_already_lent_explains_why_on_the_form(client, hub_a, hub_a_manager) -> None:
    violin = AssetFactory.create(hub=hub_a)
    lent(violin, learner(hub_a), by=hub_a_manager)
    sign_in(client, hub_a_manager)
    school_child = learner(hub_a)

    response = client.post(reverse("instruments:asset_lend", kwargs={"public_id": violin.public_id}), {
        "borrower": "learner", "learner_reference": school_child.reference, "lent_on": _iso(TODAY),
        "due_on": _iso(TODAY),
    })  # fmt: skip

    assert f"{violin.asset_tag} is on loan, so it cannot be lent now." in response.text


def test_a_learners_loan_history_is_in_the_audit_log(client, hub_a, hub_a_manager) -> None:
    child = learner(hub_a)
    loan = lent(AssetFactory.create(hub=hub_a), child, by=hub_a_manager)
    sign_in(client, hub_a_manager)

    page = client.get(reverse("instruments:learner_loans", kwargs={"public_id": child.public_id})).text

    assert loan.asset.asset_tag in page
    viewed = AuditEvent.objects.for_hub(hub_a).filter(action=AuditEvent.Action.LEARNER_VIEWED)
    assert [event.detail for event in viewed] == [child.reference]


def test_the_overdue_list_shows_only_loans_past_due(client, hub_a, hub_a_manager) -> None:
    late = lent(AssetFactory.create(hub=hub_a), learner(hub_a), by=hub_a_manager,
                lent_on=TODAY - datetime.timedelta(days=100), days=30)  # fmt: skip
    on_time = lent(AssetFactory.create(hub=hub_a), learner(hub_a), by=hub_a_manager, lent_on=TODAY)
    sign_in(client, hub_a_manager)

    page = client.get(reverse("instruments:overdue")).text

    assert late.asset.asset_tag in page
    assert on_time.asset.asset_tag not in page
    assert "None yet" in page


def test_the_free_meals_and_send_counts_are_hidden_from_a_programme_manager(client, hub_a, hub_a_manager) -> None:
    sign_in(client, hub_a_manager)

    assert "free school meals" not in client.get(reverse("instruments:utilisation")).text


def _queries_for(client, url: str, **params: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url, params).text
    return len(queries), page


def test_the_asset_list_takes_as_many_queries_for_many_rows_as_for_one(client, hub_a, hub_a_manager) -> None:
    AssetFactory.create(hub=hub_a, asset_tag="HRT-TUBA", instrument=instrument("Tuba"))
    sign_in(client, hub_a_manager)
    client.get(reverse("instruments:assets"))  # the first request of a session records it: not the page's cost
    one, _ = _queries_for(client, reverse("instruments:assets"))
    AssetFactory.create_batch(15, hub=hub_a, location_kind="tutor", store_name="",
                              tutor=StaffMemberFactory.create(hub=hub_a))  # fmt: skip

    many, page = _queries_for(client, reverse("instruments:assets"))
    _, filtered = _queries_for(client, reverse("instruments:assets"), q="tuba")

    assert many == one
    assert page.count("TST-") == 15
    assert "HRT-TUBA" in filtered
    assert "TST-" not in filtered


def test_the_register_upload_lists_every_problem(client, hub_a, hub_a_manager) -> None:
    sign_in(client, hub_a_manager)
    upload = io.BytesIO(b"Asset Tag,Kind,Funding\n,Instrument,Donation\n")
    upload.name = "register.csv"

    page = client.post(reverse("instruments:asset_import"), {"file": upload}).text

    assert "Nothing was imported: 1 problem in the file" in page
    assert "Line 2, Asset Tag: is empty" in page


def test_an_agreement_dated_before_the_loan_is_refused_keeping_what_was_typed(client, hub_a, hub_a_manager) -> None:
    loan = loan_to_learner(
        asset=AssetFactory.create(hub=hub_a), learner=learner(hub_a), lent_on=TODAY, due_on=TODAY, hire_fee_pence=0,
        agreement=None, by=hub_a_manager,
    )  # fmt: skip
    sign_in(client, hub_a_manager)

    response = client.post(reverse("instruments:loan_agreement", kwargs={"public_id": loan.public_id}), {
        "accepted_by": "Morgana Testparent", "accepted_on": _iso(TODAY - datetime.timedelta(days=3)), "method": "email",
    })  # fmt: skip

    assert response.status_code == 200
    assert f"The agreement cannot predate the loan ({TODAY:%d/%m/%Y})." in response.text
    assert 'value="Morgana Testparent"' in response.text
    loan.refresh_from_db()
    assert loan.status == Loan.Status.AWAITING_AGREEMENT
