"""The signed-in workspace: the hub's own page, its team, its audit log; the national view; one's account."""

from typing import cast

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from tutti.accounts import selectors, services
from tutti.accounts.access import hub_object_or_404, hub_role_required, national_officer_required
from tutti.accounts.audit_log import record_kind
from tutti.accounts.forms import InviteForm, RolesForm
from tutti.accounts.models import FINANCE_ROLES, STAFF_ROLES, AuditEvent, Membership, Role, User
from tutti.accounts.workspace import sections_for, today_panels_for
from tutti.core.csv_files import CSV_CONTENT_TYPE
from tutti.core.listing import list_page
from tutti.network import downloads as download_files
from tutti.network.models import HubArea
from tutti.network.selectors import hub_area_summary
from tutti.network.tables import HubDirectory


def _hub(request: HttpRequest) -> HubArea:
    return cast(HubArea, request.hub)  # type: ignore[attr-defined]


def _membership(request: HttpRequest) -> Membership:
    return cast(Membership, request.membership)  # type: ignore[attr-defined]


@login_required
def account_overview(request: HttpRequest) -> HttpResponse:
    """The person's own account: memberships, password, two-factor authentication and sessions."""
    user = cast(User, request.user)
    context = {
        "memberships": selectors.hub_memberships_of(user),
        "national": selectors.national_membership_of(user),
        "has_totp": Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists(),
    }
    return render(request, "accounts/account.html", context)


@hub_role_required(*STAFF_ROLES)
def hub_home(request: HttpRequest) -> HttpResponse:
    """The hub's own page: first what the person has to do today, then its area, funding (for roles that
    see money) and team."""
    membership = _membership(request)
    context = {
        "today_panels": today_panels_for(request, membership.role_set),
        "summary": hub_area_summary(_hub(request)),
        "team": selectors.hub_team(_hub(request)).active(),
        "shows_funding": bool(membership.role_set & FINANCE_ROLES),
        "is_administrator": Role.HUB_ADMINISTRATOR in membership.role_set,
        "sections": sections_for(membership.role_set),
    }
    return render(request, "accounts/hub_home.html", context)


@login_required
def hub_switch(request: HttpRequest) -> HttpResponse:
    """Choose which of one's hubs to work in; the choice lasts for this session."""
    memberships = list(selectors.hub_memberships_of(request.user))
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    if request.method == "POST":
        chosen = next((m for m in memberships if str(m.hub_id) == request.POST.get("hub")), None)
        if chosen is None:
            raise PermissionDenied("You do not belong to that hub.")
        services.current_hub_switch(request=request, membership=chosen)
        messages.success(request, f"You are now working in {chosen.hub}.")
        return redirect(next_url or "accounts:hub_home")
    current = selectors.current_membership(request)
    return render(
        request, "accounts/hub_switch.html", {"memberships": memberships, "current": current, "next": next_url}
    )


@hub_role_required(Role.HUB_ADMINISTRATOR)
def team(request: HttpRequest) -> HttpResponse:
    """Everyone in the hub with their roles, for the hub's administrators."""
    return render(request, "accounts/team.html", {"listing": list_page(request, selectors.hub_team(_hub(request)))})


@hub_role_required(Role.HUB_ADMINISTRATOR)
def team_invite(request: HttpRequest) -> HttpResponse:
    """Invite a person by email with one or more roles; they get a link to choose their password."""
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.membership_invite(
            hub=_hub(request),
            email=form.cleaned_data["email"],
            roles=form.cleaned_data["roles"],
            by=cast(User, request.user),
            request=request,
        )
        messages.success(request, "Invitation sent.")
        return redirect("accounts:team")
    return render(request, "accounts/team_invite.html", {"form": form})


@hub_role_required(Role.HUB_ADMINISTRATOR)
def team_member(request: HttpRequest, public_id: str) -> HttpResponse:
    """One member of the hub: set or remove their roles, disable or re-enable their membership."""
    membership = hub_object_or_404(request, Membership.objects.with_roles(), public_id=public_id)
    form = RolesForm(request.POST or None, initial={"roles": [role.value for role in membership.role_set]})
    if request.method == "POST" and form.is_valid():
        if membership.user_id == request.user.pk and Role.HUB_ADMINISTRATOR not in form.cleaned_data["roles"]:
            form.add_error("roles", "You cannot remove your own hub administrator role")
        else:
            services.membership_set_roles(
                membership=membership, roles=form.cleaned_data["roles"], by=cast(User, request.user), request=request
            )
            messages.success(request, "Roles saved.")
            return redirect("accounts:team")
    return render(request, "accounts/team_member.html", {"member": membership, "form": form})


@require_POST
@hub_role_required(Role.HUB_ADMINISTRATOR)
def team_member_disable(request: HttpRequest, public_id: str) -> HttpResponse:
    """Disable a membership: the person loses this hub now and their sessions in it end."""
    membership = hub_object_or_404(request, Membership.objects.all(), public_id=public_id)
    if membership.user_id == request.user.pk:
        raise PermissionDenied("You cannot disable your own membership.")
    services.membership_disable(membership=membership, by=cast(User, request.user), request=request)
    messages.success(request, "Membership disabled. Their sessions in this hub have ended.")
    return redirect("accounts:team")


@require_POST
@hub_role_required(Role.HUB_ADMINISTRATOR)
def team_member_enable(request: HttpRequest, public_id: str) -> HttpResponse:
    membership = hub_object_or_404(request, Membership.objects.all(), public_id=public_id)
    services.membership_enable(membership=membership, by=cast(User, request.user), request=request)
    messages.success(request, "Membership enabled.")
    return redirect("accounts:team")


@hub_role_required(Role.HUB_ADMINISTRATOR)
def audit_log(request: HttpRequest) -> HttpResponse:
    """A page of the hub's audit log, newest first, searched and filtered, for its administrators."""
    filterset = selectors.audit_log_filterset(hub=_hub(request), data=request.GET)
    listing = list_page(request, filterset.qs if filterset.is_valid() else AuditEvent.objects.none())
    rows = [(event, record_kind(event.action)) for event in listing.rows]
    return render(request, "accounts/audit_log.html", {"filterset": filterset, "listing": listing, "rows": rows})


@national_officer_required
def national(request: HttpRequest) -> HttpResponse:
    """Every hub's public figures for the national team, searchable and sortable, each hub linked to its page
    (later modules add their aggregates)."""
    return _national_page(request, HubDirectory.build(request.GET))


def _national_page(request: HttpRequest, directory: HubDirectory) -> HttpResponse:
    query = request.GET.urlencode()
    context = {**directory.context(), "query": f"?{query}" if query else ""}
    status = 200 if directory.filterset.is_valid() else 400
    return render(request, "accounts/national.html", context, status=status)


def _national_download(request: HttpRequest, kind: str) -> HttpResponse:
    """The national table as shown (searched and sorted), through the public downloads' own writers."""
    directory = HubDirectory.build(request.GET)
    if not directory.filterset.is_valid():
        return _national_page(request, directory)
    if kind == "csv":
        content: str | bytes = download_files.hub_areas_csv(directory.table.rows, year=directory.year)
        content_type = CSV_CONTENT_TYPE
    else:
        content = download_files.hub_areas_xlsx(directory.table.rows, year=directory.year)
        content_type = download_files.XLSX_CONTENT_TYPE
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="national-hub-areas-and-funding.{kind}"'
    return response


@national_officer_required
def national_csv(request: HttpRequest) -> HttpResponse:
    return _national_download(request, "csv")


@national_officer_required
def national_xlsx(request: HttpRequest) -> HttpResponse:
    return _national_download(request, "xlsx")
