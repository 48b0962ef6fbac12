"""Setting up a year's remission scheme: its budget, income threshold and what each criterion gives."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from tutti.accounts.models import AuditEvent, User
from tutti.core import academic_year
from tutti.core.money import format_pence
from tutti.inclusion.models import Criterion, RemissionRule, RemissionScheme
from tutti.inclusion.services.audit import inclusion_audit
from tutti.inclusion.services.decisions import committed_pence, release_waiting
from tutti.network.models import HubArea


@transaction.atomic
def scheme_create(
    *,
    hub: HubArea,
    year: int,
    budget_pence: int,
    income_threshold_pence: int | None,
    by: User,
    request: HttpRequest | None = None,
) -> RemissionScheme:
    """Open the hub's scheme for an academic year; a second scheme for the same year is refused."""
    if RemissionScheme.objects.for_hub(hub).in_year(year).exists():
        raise ValidationError({"year": f"The hub already has a remission scheme for {academic_year.label(year)}."})
    scheme = RemissionScheme.objects.create(
        hub=hub, academic_year=year, budget_pence=budget_pence, income_threshold_pence=income_threshold_pence
    )
    inclusion_audit(
        action=AuditEvent.Action.REMISSION_SCHEME_CHANGED,
        hub=hub,
        by=by,
        request=request,
        detail=f"Opened the {scheme.year_label} scheme with a budget of {format_pence(budget_pence)}",
    )
    return scheme


@transaction.atomic
def scheme_update(
    *,
    scheme: RemissionScheme,
    budget_pence: int,
    income_threshold_pence: int | None,
    by: User,
    request: HttpRequest | None = None,
) -> RemissionScheme:
    """Change the budget or threshold; budget freed by a rise approves waiting applications in their order.

    A budget below what approvals already commit is refused: the hub cannot take back approved remission.
    """
    locked = RemissionScheme.objects.select_for_update().get(pk=scheme.pk)
    committed = committed_pence(locked)
    if budget_pence < committed:
        raise ValidationError(
            {"budget": f"Approvals already commit {format_pence(committed)}: the budget cannot be less than that."}
        )
    locked.budget_pence = budget_pence
    locked.income_threshold_pence = income_threshold_pence
    locked.save(update_fields=["budget_pence", "income_threshold_pence", "updated_at"])
    inclusion_audit(
        action=AuditEvent.Action.REMISSION_SCHEME_CHANGED,
        hub=locked.hub,
        by=by,
        request=request,
        detail=f"Set the {locked.year_label} budget to {format_pence(budget_pence)}",
    )
    release_waiting(scheme=locked, by=by, request=request)
    return locked


@transaction.atomic
def rule_set(
    *,
    scheme: RemissionScheme,
    criterion: Criterion,
    activity_kind: str,
    percent: int | None,
    amount_pence: int | None,
    by: User,
    request: HttpRequest | None = None,
) -> RemissionRule:
    """Say what a criterion gives for an activity kind ("" for every kind), replacing what it gave before."""
    if (percent is None) == (amount_pence is None):
        raise ValidationError("Give either a percentage or a fixed amount, not both.")
    rule, _ = RemissionRule.objects.update_or_create(
        scheme=scheme,
        criterion=criterion,
        activity_kind=activity_kind,
        defaults={"percent": percent, "amount_pence": amount_pence},
    )
    inclusion_audit(
        action=AuditEvent.Action.REMISSION_SCHEME_CHANGED,
        hub=scheme.hub,
        by=by,
        request=request,
        detail=f"{scheme.year_label}: {rule}{' for ' + activity_kind if activity_kind else ''}",
    )
    return rule


@transaction.atomic
def rule_remove(*, rule: RemissionRule, by: User, request: HttpRequest | None = None) -> None:
    """Stop a criterion giving remission in a scheme; approvals already made keep what they gave."""
    scheme = rule.scheme
    described = str(rule)
    rule.delete()
    inclusion_audit(
        action=AuditEvent.Action.REMISSION_SCHEME_CHANGED,
        hub=scheme.hub,
        by=by,
        request=request,
        detail=f"{scheme.year_label}: removed {described}",
    )
