"""Lending, the loan agreement, returns and cancelling: what each service does and what it refuses."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tutti.accounts.models import AuditEvent
from tutti.instruments.models import Asset, Condition, Loan
from tutti.instruments.selectors import open_loans_of_learners
from tutti.instruments.services.loans import (
    loan_agreement_accept,
    loan_cancel,
    loan_return,
    loan_to_learner,
    loan_to_school,
)
from tutti.instruments.tests.factories import BOUGHT, AssetFactory, agreed, lent
from tutti.programmes.tests.factories import learner
from tutti.schools.tests.factories import SchoolFactory

DUE = BOUGHT + datetime.timedelta(days=90)


def test_lending_with_a_signed_agreement_puts_the_asset_on_loan(hub_a, hub_a_manager) -> None:
    violin, child = AssetFactory.create(hub=hub_a), learner(hub_a)

    loan = lent(violin, child, by=hub_a_manager)

    violin.refresh_from_db()
    assert loan.status == Loan.Status.OUT
    assert violin.status == Asset.Status.ON_LOAN
    assert loan.condition_out == violin.condition
    event = AuditEvent.objects.for_hub(hub_a).get(action=AuditEvent.Action.LOAN_CHANGED)
    assert event.detail == f"{violin.asset_tag} lent to {child.reference}"


def test_lending_without_an_agreement_reserves_the_asset_until_a_guardian_accepts(hub_a, hub_a_manager) -> None:
    violin, child = AssetFactory.create(hub=hub_a), learner(hub_a)

    loan = loan_to_learner(
        asset=violin, learner=child, lent_on=BOUGHT, due_on=DUE, hire_fee_pence=1500, agreement=None, by=hub_a_manager
    )
    violin.refresh_from_db()
    assert (loan.status, violin.status) == (Loan.Status.AWAITING_AGREEMENT, Asset.Status.RESERVED)
    assert loan.hire_fee_pence == 1500

    loan_agreement_accept(loan=loan, agreement=agreed(BOUGHT), by=hub_a_manager)

    loan.refresh_from_db()
    violin.refresh_from_db()
    assert (loan.status, violin.status) == (Loan.Status.OUT, Asset.Status.ON_LOAN)
    assert loan.agreement_accepted_by == "Morgana Testparent"


def test_an_asset_on_loan_cannot_be_lent_again(hub_a, hub_a_manager) -> None:
    violin = AssetFactory.create(hub=hub_a)
    lent(violin, learner(hub_a), by=hub_a_manager)

    with pytest.raises(ValidationError, match=f"{violin.asset_tag} is on loan, so it cannot be lent now"):
        lent(violin, learner(hub_a), by=hub_a_manager)

    assert Loan.objects.filter(asset=violin).count() == 1


def test_the_database_refuses_a_second_open_loan_of_one_asset(hub_a, hub_a_manager) -> None:
    """Even code that skipped the service's lock and status check cannot lend an asset twice."""
    violin = AssetFactory.create(hub=hub_a)
    loan = lent(violin, learner(hub_a), by=hub_a_manager)
    second = Loan(
        hub=hub_a, asset=violin, borrower=Loan.Borrower.SCHOOL, school=SchoolFactory.create(),
        status=Loan.Status.OUT, lent_on=BOUGHT, due_on=DUE, condition_out=Condition.GOOD, lent_by=hub_a_manager,
    )  # fmt: skip

    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()

    loan_return(loan=loan, returned_on=DUE, condition=Condition.GOOD, by=hub_a_manager)
    second.save()  # once the first loan is back, a new one is allowed
    assert Loan.objects.filter(asset=violin).open().count() == 1


def test_a_learner_of_another_hub_cannot_borrow(hub_a, hub_b, hub_a_manager) -> None:
    with pytest.raises(ValidationError, match="not a current learner of this hub"):
        lent(AssetFactory.create(hub=hub_a), learner(hub_b), by=hub_a_manager)


def test_a_due_date_before_the_loan_is_refused(hub_a, hub_a_manager) -> None:
    with pytest.raises(ValidationError, match="due date must be on or after"):
        loan_to_learner(
            asset=AssetFactory.create(hub=hub_a), learner=learner(hub_a), lent_on=DUE, due_on=BOUGHT,
            hire_fee_pence=0, agreement=agreed(DUE), by=hub_a_manager,
        )  # fmt: skip


def test_returning_records_the_condition_and_frees_the_asset(hub_a, hub_a_manager) -> None:
    violin = AssetFactory.create(hub=hub_a)
    loan = lent(violin, learner(hub_a), by=hub_a_manager)

    loan_return(loan=loan, returned_on=DUE, condition=Condition.POOR, notes="Bridge loose", by=hub_a_manager)

    loan.refresh_from_db()
    violin.refresh_from_db()
    assert (loan.status, loan.condition_on_return, loan.return_notes) == (Loan.Status.RETURNED, "poor", "Bridge loose")
    assert (violin.status, violin.condition) == (Asset.Status.AVAILABLE, Condition.POOR)
    with pytest.raises(ValidationError, match="only a lent asset can be returned"):
        loan_return(loan=loan, returned_on=DUE, condition=Condition.GOOD, by=hub_a_manager)


def test_a_return_before_the_loan_began_is_refused(hub_a, hub_a_manager) -> None:
    loan = lent(AssetFactory.create(hub=hub_a), learner(hub_a), by=hub_a_manager)

    with pytest.raises(ValidationError, match="cannot come back before it was lent"):
        loan_return(
            loan=loan, returned_on=BOUGHT - datetime.timedelta(days=1), condition=Condition.GOOD, by=hub_a_manager
        )


def test_cancelling_a_reservation_makes_the_asset_available(hub_a, hub_a_manager) -> None:
    violin = AssetFactory.create(hub=hub_a)
    loan = loan_to_learner(
        asset=violin, learner=learner(hub_a), lent_on=BOUGHT, due_on=DUE, hire_fee_pence=0, agreement=None,
        by=hub_a_manager,
    )  # fmt: skip

    loan_cancel(loan=loan, by=hub_a_manager)

    violin.refresh_from_db()
    assert violin.status == Asset.Status.AVAILABLE
    with pytest.raises(ValidationError, match="not waiting for an agreement"):
        loan_agreement_accept(loan=loan, agreement=agreed(), by=hub_a_manager)


def test_a_loan_out_cannot_be_cancelled(hub_a, hub_a_manager) -> None:
    loan = lent(AssetFactory.create(hub=hub_a), learner(hub_a), by=hub_a_manager)

    with pytest.raises(ValidationError, match="Only a loan still waiting"):
        loan_cancel(loan=loan, by=hub_a_manager)


def test_a_school_of_the_hubs_area_borrows_a_class_set(hub_a, hub_a_manager) -> None:
    school = SchoolFactory.create(local_authority__hub_area=hub_a)
    cornets = AssetFactory.create_batch(3, hub=hub_a)

    for cornet in cornets:
        loan_to_school(asset=cornet, school=school, lent_on=BOUGHT, due_on=DUE, contact_email="", by=hub_a_manager)

    assert Asset.objects.for_hub(hub_a).filter(status=Asset.Status.ON_LOAN).count() == 3
    assert Loan.objects.for_hub(hub_a).filter(school=school).count() == 3


def test_a_school_outside_the_hubs_area_cannot_borrow(hub_a, hub_b, hub_a_manager) -> None:
    elsewhere = SchoolFactory.create(local_authority__hub_area=hub_b)

    with pytest.raises(ValidationError, match="is not in this hub's area"):
        loan_to_school(
            asset=AssetFactory.create(hub=hub_a), school=elsewhere, lent_on=BOUGHT, due_on=DUE, contact_email="",
            by=hub_a_manager,
        )  # fmt: skip


def test_a_familys_open_loans_are_its_own_childrens_only(hub_a, hub_a_manager) -> None:
    child, sibling, other = learner(hub_a), learner(hub_a), learner(hub_a)
    mine = lent(AssetFactory.create(hub=hub_a), child, by=hub_a_manager)
    reserved = loan_to_learner(
        asset=AssetFactory.create(hub=hub_a), learner=sibling, lent_on=BOUGHT, due_on=BOUGHT, hire_fee_pence=0,
        agreement=None, by=hub_a_manager,
    )  # fmt: skip
    back = lent(AssetFactory.create(hub=hub_a), child, by=hub_a_manager)
    loan_return(loan=back, returned_on=DUE, condition=Condition.GOOD, by=hub_a_manager)
    lent(AssetFactory.create(hub=hub_a), other, by=hub_a_manager)

    assert list(open_loans_of_learners(hub=hub_a, learners=[child, sibling])) == [reserved, mine]
