"""Remission as the inclusion lead and families live it: schemes, applications, decisions, the budget."""

import datetime
from collections.abc import Sequence

import pytest
from django.core.exceptions import ValidationError

from tutti.accounts.models import AuditEvent, User
from tutti.inclusion.models import Criterion, RemissionApplication, RemissionScheme
from tutti.inclusion.remission import Terms
from tutti.inclusion.selectors import remission_for, scheme_budget
from tutti.inclusion.services.applications import (
    application_reply,
    application_submit,
    application_withdraw,
    evidence_add,
    renewals_carry,
)
from tutti.inclusion.services.decisions import (
    DecisionRefused,
    application_approve,
    application_refuse,
    application_request_information,
)
from tutti.inclusion.services.schemes import rule_set, scheme_create, scheme_update
from tutti.inclusion.tests.builders import IN_TERM, paid_place
from tutti.inclusion.tests.factories import RemissionRuleFactory, RemissionSchemeFactory, png_upload
from tutti.learners.models import Learner
from tutti.learners.tests.factories import LearnerFactory
from tutti.network.models import HubArea
from tutti.programmes.models import Activity

Status = RemissionApplication.Status


def _apply(
    scheme: RemissionScheme,
    learner: Learner,
    by: User,
    criteria: Sequence[Criterion] = (Criterion.FREE_SCHOOL_MEALS,),
) -> RemissionApplication:
    return application_submit(
        scheme=scheme,
        learner=learner,
        criteria=criteria,
        applicant_name="Mordred Fiddlesticks",
        channel=RemissionApplication.Channel.PAPER,
        by=by,
    )


@pytest.fixture
def scheme(hub_a: HubArea) -> RemissionScheme:
    scheme = RemissionSchemeFactory.create(hub=hub_a, academic_year=2025, budget_pence=30_000)
    RemissionRuleFactory.create(scheme=scheme, criterion=Criterion.FREE_SCHOOL_MEALS, percent=100)
    RemissionRuleFactory.create(
        scheme=scheme, criterion=Criterion.SIBLING, activity_kind="", percent=None, amount_pence=1_500
    )
    return scheme


def test_scheme_create_refuses_a_second_scheme_for_the_year(hub_a: HubArea, hub_a_inclusion_lead: User) -> None:
    scheme_create(hub=hub_a, year=2025, budget_pence=500_000, income_threshold_pence=None, by=hub_a_inclusion_lead)
    with pytest.raises(ValidationError, match="already has a remission scheme for 2025/26"):
        scheme_create(hub=hub_a, year=2025, budget_pence=1, income_threshold_pence=None, by=hub_a_inclusion_lead)
    assert AuditEvent.objects.for_hub(hub_a).filter(action=AuditEvent.Action.REMISSION_SCHEME_CHANGED).count() == 1


def test_rule_set_takes_a_percentage_or_an_amount_and_replaces_the_last(
    scheme: RemissionScheme, hub_a_inclusion_lead: User
) -> None:
    with pytest.raises(ValidationError, match="either a percentage or a fixed amount"):
        rule_set(
            scheme=scheme,
            criterion=Criterion.PUPIL_PREMIUM,
            activity_kind="",
            percent=50,
            amount_pence=100,
            by=hub_a_inclusion_lead,
        )
    rule_set(
        scheme=scheme,
        criterion=Criterion.FREE_SCHOOL_MEALS,
        activity_kind="",
        percent=75,
        amount_pence=None,
        by=hub_a_inclusion_lead,
    )
    assert [rule.percent for rule in scheme.rules.filter(criterion=Criterion.FREE_SCHOOL_MEALS)] == [75]


def test_approval_drops_the_learners_fee_for_the_year(scheme: RemissionScheme, hub_a_inclusion_lead: User) -> None:
    learner, activity = paid_place(scheme.hub, by=hub_a_inclusion_lead, fee_pence=6_000)
    application = _apply(scheme, learner, hub_a_inclusion_lead)
    assert remission_for(learner=learner, activity_kind=activity.kind, on=IN_TERM) is None

    application_approve(application=application, by=hub_a_inclusion_lead)

    application.refresh_from_db()
    assert application.status == Status.APPROVED
    # Three terms of a £60 termly fee, all remitted.
    assert application.committed_pence == 18_000
    remission = remission_for(learner=learner, activity_kind=activity.kind, on=IN_TERM)
    assert remission is not None
    assert remission.fee_after(6_000) == 0
    # Outside the scheme's year nothing applies.
    assert remission_for(learner=learner, activity_kind=activity.kind, on=datetime.date(2026, 9, 1)) is None


def test_the_most_generous_remission_applies_and_a_fixed_amount_never_exceeds_the_fee(
    scheme: RemissionScheme, hub_a_inclusion_lead: User
) -> None:
    learner, activity = paid_place(scheme.hub, by=hub_a_inclusion_lead, fee_pence=1_000)
    application = _apply(scheme, learner, hub_a_inclusion_lead, criteria=[Criterion.SIBLING])
    application_approve(application=application, by=hub_a_inclusion_lead)
    remission = remission_for(learner=learner, activity_kind=activity.kind, on=IN_TERM)
    assert remission is not None
    assert remission.discount_on(1_000) == 1_000  # £15 off a £10 fee takes off £10, not £15
    assert remission.fee_after(4_000) == 2_500


def test_a_rule_for_one_activity_kind_leaves_other_kinds_alone(
    scheme: RemissionScheme, hub_a_inclusion_lead: User
) -> None:
    RemissionRuleFactory.create(
        scheme=scheme, criterion=Criterion.PUPIL_PREMIUM, activity_kind=Activity.Kind.ENSEMBLE, percent=50
    )
    learner, _ = paid_place(scheme.hub, by=hub_a_inclusion_lead, kind=Activity.Kind.ENSEMBLE)
    application = _apply(scheme, learner, hub_a_inclusion_lead, criteria=[Criterion.PUPIL_PREMIUM])
    application_approve(application=application, by=hub_a_inclusion_lead)
    assert remission_for(learner=learner, activity_kind=Activity.Kind.ENSEMBLE, on=IN_TERM) is not None
    assert remission_for(learner=learner, activity_kind=Activity.Kind.INDIVIDUAL, on=IN_TERM) is None


def test_an_override_needs_a_reason_and_replaces_what_the_criteria_give(
    scheme: RemissionScheme, hub_a_inclusion_lead: User
) -> None:
    learner, activity = paid_place(scheme.hub, by=hub_a_inclusion_lead, fee_pence=6_000)
    application = _apply(scheme, learner, hub_a_inclusion_lead)
    with pytest.raises(ValidationError, match="Say why"):
        application_approve(application=application, by=hub_a_inclusion_lead, override=Terms("", percent=50))
    application_approve(
        application=application,
        by=hub_a_inclusion_lead,
        override=Terms("", percent=50),
        reason="Free school meals end at Christmas; half remission agreed with the family.",
    )
    application.refresh_from_db()
    assert application.overridden
    assert application.committed_pence == 9_000
    remission = remission_for(learner=learner, activity_kind=activity.kind, on=IN_TERM)
    assert remission is not None
    assert remission.fee_after(6_000) == 3_000


def test_approvals_past_the_budget_wait_in_order_and_a_raised_budget_approves_them(
    scheme: RemissionScheme, hub_a_inclusion_lead: User
) -> None:
    # A budget of £300; each approval is worth £180 (three terms of £60).
    first = _apply(scheme, paid_place(scheme.hub, by=hub_a_inclusion_lead)[0], hub_a_inclusion_lead)
    second = _apply(scheme, paid_place(scheme.hub, by=hub_a_inclusion_lead)[0], hub_a_inclusion_lead)
    third = _apply(scheme, paid_place(scheme.hub, by=hub_a_inclusion_lead)[0], hub_a_inclusion_lead)
    for application in (first, second, third):
        application_approve(application=application, by=hub_a_inclusion_lead)
    statuses = {a.pk: (a.status, a.waiting_position) for a in RemissionApplication.objects.all()}
    assert statuses == {
        first.pk: (Status.APPROVED, None),
        second.pk: (Status.WAITING, 1),
        third.pk: (Status.WAITING, 2),
    }
    assert scheme_budget(scheme).committed_pence == 18_000
    assert scheme_budget(scheme).waiting_count == 2
    # Waiting approvals give nothing yet.
    assert remission_for(learner=second.learner, activity_kind=Activity.Kind.SMALL_GROUP, on=IN_TERM) is None

    # £500 covers the first in line but not both: the first is approved, the second keeps its place.
    scheme_update(scheme=scheme, budget_pence=50_000, income_threshold_pence=None, by=hub_a_inclusion_lead)
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == (Status.APPROVED, Status.WAITING)
    assert remission_for(learner=second.learner, activity_kind=Activity.Kind.SMALL_GROUP, on=IN_TERM) is not None


def test_the_budget_cannot_drop_below_what_approvals_commit(
    scheme: RemissionScheme, hub_a_inclusion_lead: User
) -> None:
    application = _apply(scheme, paid_place(scheme.hub, by=hub_a_inclusion_lead)[0], hub_a_inclusion_lead)
    application_approve(application=application, by=hub_a_inclusion_lead)
    with pytest.raises(ValidationError, match="already commit £180"):
        scheme_update(scheme=scheme, budget_pence=10_000, income_threshold_pence=None, by=hub_a_inclusion_lead)


def test_approval_is_refused_when_no_rule_covers_the_criteria_or_it_is_decided(
    scheme: RemissionScheme, hub_a_inclusion_lead: User
) -> None:
    learner, _ = paid_place(scheme.hub, by=hub_a_inclusion_lead)
    application = _apply(scheme, learner, hub_a_inclusion_lead, criteria=[Criterion.MEANS_TESTED_BENEFIT])
    with pytest.raises(DecisionRefused, match="gives no remission for the criteria chosen"):
        application_approve(application=application, by=hub_a_inclusion_lead)
    application_refuse(application=application, by=hub_a_inclusion_lead, reason="No benefit letter was sent.")
    with pytest.raises(DecisionRefused, match="refused: it cannot be approved"):
        application_approve(application=application, by=hub_a_inclusion_lead)


def test_refusal_needs_a_reason_and_a_waiting_refusal_leaves_the_list(
    scheme: RemissionScheme, hub_a_inclusion_lead: User
) -> None:
    scheme_update(scheme=scheme, budget_pence=0, income_threshold_pence=None, by=hub_a_inclusion_lead)
    application = _apply(scheme, paid_place(scheme.hub, by=hub_a_inclusion_lead)[0], hub_a_inclusion_lead)
    application_approve(application=application, by=hub_a_inclusion_lead)
    with pytest.raises(ValidationError, match="the family will read it"):
        application_refuse(application=application, by=hub_a_inclusion_lead, reason="  ")
    application_refuse(application=application, by=hub_a_inclusion_lead, reason="The family moved away.")
    application.refresh_from_db()
    assert (application.status, application.waiting_position, application.awards.count()) == (Status.REFUSED, None, 0)


def test_asking_for_more_then_the_familys_reply_or_evidence_puts_it_back_for_a_decision(
    scheme: RemissionScheme, hub_a_inclusion_lead: User
) -> None:
    application = _apply(scheme, LearnerFactory.create(hub=scheme.hub), hub_a_inclusion_lead)
    with pytest.raises(ValidationError, match="Say what the family should send"):
        application_request_information(application=application, by=hub_a_inclusion_lead, asked="")
    application_request_information(
        application=application, by=hub_a_inclusion_lead, asked="Please send the school's free meals letter."
    )
    application.refresh_from_db()
    assert application.status == Status.MORE_INFORMATION
    evidence_add(application=application, files=[png_upload()], by=hub_a_inclusion_lead)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED

    application_request_information(application=application, by=hub_a_inclusion_lead, asked="Which school?")
    application_reply(application=application, note="Ashwell Primary, from January.", by=hub_a_inclusion_lead)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert "Ashwell Primary" in application.family_note


def test_a_child_has_one_live_application_a_year(scheme: RemissionScheme, hub_a_inclusion_lead: User) -> None:
    learner = LearnerFactory.create(hub=scheme.hub)
    application = _apply(scheme, learner, hub_a_inclusion_lead)
    with pytest.raises(ValidationError, match="already has an application under the 2025/26 scheme"):
        _apply(scheme, learner, hub_a_inclusion_lead)
    application_withdraw(application=application, by=hub_a_inclusion_lead)
    assert _apply(scheme, learner, hub_a_inclusion_lead).status == Status.SUBMITTED


@pytest.mark.parametrize(
    ("criteria", "message"),
    [([], "Choose at least one"), ([Criterion.LOW_INCOME], "sets no household income threshold")],
)
def test_application_submit_names_what_is_missing(
    hub_a: HubArea, hub_a_inclusion_lead: User, criteria: list[Criterion], message: str
) -> None:
    scheme = RemissionSchemeFactory.create(hub=hub_a, income_threshold_pence=None)
    with pytest.raises(ValidationError, match=message):
        _apply(scheme, LearnerFactory.create(hub=hub_a), hub_a_inclusion_lead, criteria=criteria)


def test_another_hubs_child_cannot_apply_under_this_hubs_scheme(
    scheme: RemissionScheme, hub_b: HubArea, hub_a_inclusion_lead: User
) -> None:
    with pytest.raises(ValidationError, match="not one of the hub's learners"):
        _apply(scheme, LearnerFactory.create(hub=hub_b), hub_a_inclusion_lead)


def test_renewals_carry_lasting_criteria_into_next_year_once(
    hub_a: HubArea, scheme: RemissionScheme, hub_a_inclusion_lead: User
) -> None:
    RemissionRuleFactory.create(scheme=scheme, criterion=Criterion.LOOKED_AFTER, percent=100)
    cared_for = LearnerFactory.create(hub=hub_a)
    lasting = _apply(scheme, cared_for, hub_a_inclusion_lead, criteria=[Criterion.LOOKED_AFTER, Criterion.SIBLING])
    passing = _apply(scheme, LearnerFactory.create(hub=hub_a), hub_a_inclusion_lead)
    for application in (lasting, passing):
        application_approve(application=application, by=hub_a_inclusion_lead)
    next_year = RemissionSchemeFactory.create(hub=hub_a, academic_year=2026)

    assert renewals_carry(scheme=next_year, by=hub_a_inclusion_lead) == 1
    assert renewals_carry(scheme=next_year, by=hub_a_inclusion_lead) == 0
    renewal = next_year.applications.get()
    assert (renewal.learner, renewal.criteria, renewal.renewal_of) == (cared_for, ["looked_after"], lasting)
    assert renewal.channel == RemissionApplication.Channel.RENEWAL
    assert renewal.status == Status.SUBMITTED
