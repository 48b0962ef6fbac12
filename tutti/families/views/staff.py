"""The hub's side: children families added who may already be known, and the consents families are asked."""

from typing import cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.accounts.models import Role, User
from tutti.families import selectors
from tutti.families.forms import ConsentQuestionsForm, MatchDecisionForm
from tutti.families.models import ChildMatch
from tutti.families.services.portal import child_match_decide, consent_questions_set
from tutti.network.models import HubArea

MANAGERS = (Role.PROGRAMME_MANAGER, Role.HUB_ADMINISTRATOR)


@hub_role_required(*MANAGERS)
def matches(request: HttpRequest) -> HttpResponse:
    hub = cast(HubArea, request.hub)  # type: ignore[attr-defined]
    return render(request, "families/matches.html", {"matches": selectors.undecided_matches(hub)})


@hub_role_required(*MANAGERS)
def match_decide(request: HttpRequest, pk: int) -> HttpResponse:
    match = hub_object_or_404(
        request, ChildMatch.objects.undecided().select_related("added", "known", "known__school"), pk=pk
    )
    form = MatchDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        same = form.cleaned_data["same_child"] == "yes"
        child_match_decide(match=match, same_child=same, by=cast(User, request.user), request=request)
        said = f"merged into {match.known.reference}" if same else "kept as a different child"
        messages.success(request, f"{match.added.reference} {said}.")
        return redirect("families_hub:matches")
    return render(request, "families/match_decide.html", {"match": match, "form": form})


@hub_role_required(Role.HUB_ADMINISTRATOR)
def consent_questions(request: HttpRequest) -> HttpResponse:
    """Set the consents families answer when they apply online, in the hub's own words."""
    hub = cast(HubArea, request.hub)  # type: ignore[attr-defined]
    current = {question.kind: question.wording for question in selectors.consent_questions(hub)}
    form = ConsentQuestionsForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        consent_questions_set(hub=hub, wordings=form.cleaned_data, by=cast(User, request.user), request=request)
        messages.success(request, "Families applying from now on are asked these consents.")
        return redirect("families_hub:consent_questions")
    return render(request, "families/consent_questions.html", {"form": form})
