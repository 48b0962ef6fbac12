"""The annual survey: the hub makes a private link per school; the school answers without an account."""

from typing import cast

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from tutti.accounts.access import hub_role_required
from tutti.accounts.models import STAFF_ROLES, User
from tutti.core.listing import list_page
from tutti.schools import selectors
from tutti.schools.forms import SurveyForm, survey_values
from tutti.schools.services import survey_answer, survey_link_create
from tutti.schools.views import EDITOR_ROLES, NEW_SURVEY_LINK_SESSION_KEY, hub_of, school_in_area_or_404


@require_POST
@hub_role_required(*EDITOR_ROLES)
def survey_link_create_view(request: HttpRequest, urn: int) -> HttpResponse:
    """Make this year's link; the school page shows it once, to copy into an email."""
    school = school_in_area_or_404(request, urn)
    new = survey_link_create(
        hub=hub_of(request), school=school, academic_year=selectors.current_year(), by=cast(User, request.user)
    )
    url = request.build_absolute_uri(reverse("school_survey:form", kwargs={"token": new.token}))
    request.session[NEW_SURVEY_LINK_SESSION_KEY] = {
        "url": url,
        "expires": timezone.localtime(new.link.expires_at).strftime("%-d %B %Y"),
    }
    return redirect("schools:detail", urn=school.urn)


@hub_role_required(*STAFF_ROLES)
def survey_replies(request: HttpRequest) -> HttpResponse:
    """Who has and hasn't replied to this year's survey, over the area's open state-funded schools."""
    year = selectors.current_year()
    rows = selectors.survey_replies(hub=hub_of(request), year=year)
    context = {
        "year": year,
        "total": len(rows),
        "listing": list_page(request, rows),
        "replied": sum(1 for _, link in rows if link is not None and link.replied_at is not None),
        "sent": sum(1 for _, link in rows if link is not None),
        "now": timezone.now(),
    }
    return render(request, "schools/survey_replies.html", context)


def survey_form(request: HttpRequest, token: str) -> HttpResponse:
    """The school's survey: no account, a link for one school only; a 404 for a token never issued, 410 once expired."""
    link = selectors.survey_link_by_token(token)
    if link is None:
        return render(request, "schools/survey_unknown.html", status=404)
    if link.expires_at <= timezone.now():
        return render(request, "schools/survey_expired.html", {"link": link}, status=410)
    engagement = selectors.engagement_for(hub=link.hub, school=link.school, year=link.academic_year)
    form = SurveyForm(request.POST or None, instance=engagement)
    if request.method == "POST" and form.is_valid():
        survey_answer(link=link, values=survey_values(form))
        return redirect("school_survey:form", token=token)
    context = {"link": link, "form": form, "school": link.school}
    response = render(request, "schools/survey_form.html", context, status=400 if form.errors else 200)
    # The token is in the address: never send it to another site. ("no-referrer" would also blank the Origin
    # of the form's own POST, which Django's CSRF check then refuses.)
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "no-store"
    return response
