"""Partner organisations: the filtered list and its exports, one partner's page, the forms, archiving."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.core.csv_files import CSV_CONTENT_TYPE
from tutti.core.listing import list_page
from tutti.partners import selectors, services
from tutti.partners.exports import PARTNER_HEADERS, partner_row, partners_csv, partners_xlsx
from tutti.partners.forms.partners import ContactForm, PartnerForm
from tutti.partners.models import Contact, Partner
from tutti.partners.roles import EDITORS, MONEY_READERS, READERS
from tutti.partners.views.requests import hub_of, roles_of, user_of

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@hub_role_required(*READERS)
def partner_list(request: HttpRequest) -> HttpResponse:
    """A page of the hub's partners, filtered and sorted by the query string, with links to the same rows as files."""
    filterset = selectors.partner_filterset(hub=hub_of(request), data=request.GET)
    listing = list_page(request, filterset.qs if filterset.is_valid() else Partner.objects.none())
    context = {
        "filterset": filterset,
        "listing": listing,
        "headers": PARTNER_HEADERS,
        "rows": [(partner, partner_row(partner)) for partner in listing.rows],
        "can_edit": bool(roles_of(request) & EDITORS),
    }
    return render(request, "partners/partner_list.html", context)


def _export(request: HttpRequest, *, xlsx: bool) -> HttpResponse:
    hub = hub_of(request)
    filterset = selectors.partner_filterset(hub=hub, data=request.GET)
    if not filterset.is_valid():
        return HttpResponse(f"Bad filter: {filterset.errors.as_text()}", status=400, content_type="text/plain")
    partners = list(filterset.qs)
    filename = f"partners-{slugify(hub.name)}"
    if xlsx:
        response = HttpResponse(partners_xlsx(partners, hub_name=hub.name), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    else:
        response = HttpResponse(partners_csv(partners), content_type=CSV_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


@hub_role_required(*READERS)
def partner_list_csv(request: HttpRequest) -> HttpResponse:
    """The list's rows (same filters) as CSV."""
    return _export(request, xlsx=False)


@hub_role_required(*READERS)
def partner_list_xlsx(request: HttpRequest) -> HttpResponse:
    """The list's rows (same filters) as an Excel workbook."""
    return _export(request, xlsx=True)


@hub_role_required(*READERS)
def partner_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    """One partner: details, contacts, agreements (money for the roles that see it), shares, interactions."""
    hub = hub_of(request)
    partner = hub_object_or_404(request, selectors.partner_for_page(hub), public_id=public_id)
    roles = roles_of(request)
    sees_money = bool(roles & MONEY_READERS)
    context = {
        "partner": partner,
        "agreements": selectors.agreements_of(partner),
        "shares": selectors.shares_of(partner) if sees_money else None,
        "interactions": selectors.interactions_for(hub=hub, subject=partner),
        "can_edit": bool(roles & EDITORS),
        "sees_money": sees_money,
    }
    return render(request, "partners/partner_detail.html", context)


@hub_role_required(*EDITORS)
def partner_new(request: HttpRequest) -> HttpResponse:
    """Add a partner organisation."""
    form = PartnerForm(request.POST or None, hub=hub_of(request))
    if request.method == "POST" and form.is_valid():
        partner = services.partner_create(hub=hub_of(request), by=user_of(request), **form.cleaned_data)
        messages.success(request, f"{partner.name} added.")
        return redirect(partner)
    return render(request, "partners/partner_form.html", {"form": form, "partner": None})


@hub_role_required(*EDITORS)
def partner_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    """Change a partner's details."""
    partner = hub_object_or_404(request, selectors.partners_listed(hub_of(request)), public_id=public_id)
    initial = {
        "name": partner.name,
        "kind": partner.kind,
        "status": partner.status,
        "local_authorities": list(partner.local_authorities.all()),
        "website": partner.website,
    }
    form = PartnerForm(request.POST or None, hub=hub_of(request), initial=initial)
    form.partner_pk = partner.pk
    if request.method == "POST" and form.is_valid():
        services.partner_update(partner=partner, by=user_of(request), **form.cleaned_data)
        messages.success(request, f"{partner.name} saved.")
        return redirect(partner)
    return render(request, "partners/partner_form.html", {"form": form, "partner": partner})


@require_POST
@hub_role_required(*EDITORS)
def partner_archive(request: HttpRequest, public_id: str) -> HttpResponse:
    """Archive a partner: it leaves the list and the map, its records stay."""
    partner = hub_object_or_404(request, Partner.objects.all(), public_id=public_id)
    services.partner_archive(partner=partner, by=user_of(request))
    messages.success(request, f"{partner.name} archived.")
    return redirect(partner)


@require_POST
@hub_role_required(*EDITORS)
def partner_unarchive(request: HttpRequest, public_id: str) -> HttpResponse:
    """Bring an archived partner back."""
    partner = hub_object_or_404(request, Partner.objects.all(), public_id=public_id)
    services.partner_unarchive(partner=partner, by=user_of(request))
    messages.success(request, f"{partner.name} is no longer archived.")
    return redirect(partner)


@hub_role_required(*EDITORS)
def contact_new(request: HttpRequest, public_id: str) -> HttpResponse:
    """Add a person to contact at the partner."""
    partner = hub_object_or_404(request, Partner.objects.all(), public_id=public_id)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.contact_add(partner=partner, by=user_of(request), **form.cleaned_data)
        messages.success(request, f"Contact added to {partner.name}.")
        return redirect(partner)
    return render(request, "partners/contact_form.html", {"form": form, "partner": partner})


@require_POST
@hub_role_required(*EDITORS)
def contact_remove(request: HttpRequest, public_id: str) -> HttpResponse:
    """Remove a contact from a partner (looked up through the partner, so through its hub)."""
    partner = hub_object_or_404(request, Partner.objects.all(), contacts__public_id=public_id)
    found = Contact.objects.get(partner=partner, public_id=public_id)
    services.contact_remove(contact=found, by=user_of(request))
    messages.success(request, f"Contact removed from {found.partner.name}.")
    return redirect(found.partner)
