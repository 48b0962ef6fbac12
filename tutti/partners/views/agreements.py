"""Agreements, pass-through shares and the board."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.core import academic_year
from tutti.core.listing import list_page
from tutti.core.money import format_pence
from tutti.network.selectors import published_allocation_years
from tutti.partners import selectors, services
from tutti.partners.forms.agreements import AgreementForm, BoardMemberForm, ShareForm
from tutti.partners.models import Agreement, BoardMember, Partner, PassThroughShare
from tutti.partners.roles import EDITORS, MONEY_READERS, READERS, SHARE_EDITORS
from tutti.partners.views.requests import hub_of, roles_of, user_of


def _pounds(pence: int) -> str:
    return format_pence(pence).replace("£", "")


@hub_role_required(*EDITORS)
def agreement_new(request: HttpRequest, public_id: str) -> HttpResponse:
    """Record a partner's agreement for an academic year."""
    partner = hub_object_or_404(request, Partner.objects.all(), public_id=public_id)
    form = AgreementForm(request.POST or None, partner=partner)
    if request.method == "POST" and form.is_valid():
        services.agreement_create(partner=partner, by=user_of(request), **form.cleaned_data)
        messages.success(request, f"Agreement for {academic_year.label(form.cleaned_data['academic_year'])} saved.")
        return redirect(partner)
    return render(request, "partners/agreement_form.html", {"form": form, "partner": partner, "agreement": None})


@hub_role_required(*EDITORS)
def agreement_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    """Change an agreement's functions, aims, commitments, contribution, dates or signatory."""
    agreement = hub_object_or_404(
        request, Agreement.objects.select_related("partner").prefetch_related("strategic_functions", "aims"),
        public_id=public_id,
    )  # fmt: skip
    initial = {
        "strategic_functions": list(agreement.strategic_functions.all()),
        "aims": list(agreement.aims.all()),
        "commitments": agreement.commitments,
        "cash_pence": _pounds(agreement.cash_pence),
        "in_kind_pence": _pounds(agreement.in_kind_pence),
        "starts_on": agreement.starts_on,
        "ends_on": agreement.ends_on,
        "signed_by_name": agreement.signed_by_name,
        "signed_by_role": agreement.signed_by_role,
        "signed_on": agreement.signed_on,
    }
    form = AgreementForm(request.POST or None, partner=agreement.partner, agreement=agreement, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.agreement_update(agreement=agreement, by=user_of(request), **form.cleaned_data)
        messages.success(request, "Agreement saved.")
        return redirect(agreement.partner)
    context = {"form": form, "partner": agreement.partner, "agreement": agreement}
    return render(request, "partners/agreement_form.html", context)


def _share_list_url(year: int) -> str:
    return f"{reverse('partners:share_list')}?{urlencode({'year': academic_year.label(year)})}"


def _year(request: HttpRequest) -> int:
    try:
        return academic_year.parse(request.GET.get("year", ""))
    except ValueError:
        return academic_year.containing(timezone.localdate())


@hub_role_required(*MONEY_READERS)
def share_list(request: HttpRequest) -> HttpResponse:
    """The year's pass-through shares against the hub's published allocation."""
    hub = hub_of(request)
    year = _year(request)
    open_years = published_allocation_years(hub)
    summary = selectors.shares_of_year(hub=hub, academic_year=year)
    context = {
        "summary": summary,
        "listing": list_page(request, summary.shares),
        "years": sorted({year, *selectors.share_years(hub), *open_years}, reverse=True),
        "can_edit": bool(roles_of(request) & SHARE_EDITORS),
    }
    return render(request, "partners/share_list.html", context)


@hub_role_required(*SHARE_EDITORS)
def share_new(request: HttpRequest) -> HttpResponse:
    """Record or change a delivery partner's share of a year's grant for one local authority."""
    hub = hub_of(request)
    open_years = published_allocation_years(hub)
    initial = {"academic_year": request.GET.get("year", "")}
    form = ShareForm(request.POST or None, hub=hub, open_years=open_years, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            share = services.pass_through_share_record(hub=hub, by=user_of(request), **form.cleaned_data)
        except services.ShareRefused as refusal:
            form.add_error("amount_pence", str(refusal))
        else:
            messages.success(request, f"Share for {share.partner} saved.")
            return redirect(_share_list_url(share.academic_year))
    return render(request, "partners/share_form.html", {"form": form, "open_years": open_years})


@require_POST
@hub_role_required(*SHARE_EDITORS)
def share_remove(request: HttpRequest, public_id: str) -> HttpResponse:
    """Remove a share recorded in error."""
    share = hub_object_or_404(request, PassThroughShare.objects.select_related("partner"), public_id=public_id)
    year = share.academic_year
    services.pass_through_share_remove(share=share, by=user_of(request))
    messages.success(request, f"Share for {share.partner} removed.")
    return redirect(_share_list_url(year))


@hub_role_required(*READERS)
def board(request: HttpRequest) -> HttpResponse:
    """The hub's board: members, the organisations they represent, their roles and terms."""
    context = {
        "listing": list_page(request, selectors.board_of(hub_of(request))),
        "can_edit": bool(roles_of(request) & EDITORS),
        "today": timezone.localdate(),
    }
    return render(request, "partners/board.html", context)


@hub_role_required(*EDITORS)
def board_member_new(request: HttpRequest) -> HttpResponse:
    """Add a member to the board."""
    form = BoardMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        member = services.board_member_add(hub=hub_of(request), by=user_of(request), **form.cleaned_data)
        messages.success(request, f"{member.name} added to the board.")
        return redirect("partners:board")
    return render(request, "partners/board_member_form.html", {"form": form})


@require_POST
@hub_role_required(*EDITORS)
def board_member_remove(request: HttpRequest, public_id: str) -> HttpResponse:
    """Take a member off the board list."""
    member = hub_object_or_404(request, BoardMember.objects.all(), public_id=public_id)
    services.board_member_remove(member=member, by=user_of(request))
    messages.success(request, f"{member.name} removed from the board.")
    return redirect("partners:board")
