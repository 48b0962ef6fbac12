"""Setting up activities (details, tutors, weekly times that generate sessions) and each activity's page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.programmes import selectors
from tutti.programmes.activity_links import links_for
from tutti.programmes.forms.activities import ActivityForm, WeeklyTimeForm
from tutti.programmes.models import Activity, TermCalendar
from tutti.programmes.services.activities import GenerationResult, activity_save, activity_weekly_time_remove
from tutti.programmes.views.access import MANAGERS, hub_of, user_of


def _generated(result: GenerationResult) -> str:
    said = f"{result.created} session{'s' if result.created != 1 else ''} created"
    if result.removed:
        said += f", {result.removed} planned session{'s' if result.removed != 1 else ''} removed"
    return said


def _edit(request: HttpRequest, activity: Activity | None) -> HttpResponse:
    hub = hub_of(request)
    today = timezone.localdate()
    data = request.POST if request.method == "POST" else None
    form = ActivityForm(data, instance=activity, hub=hub, today=today)
    time_form = WeeklyTimeForm(data, hub=hub, required=activity is None, prefix="slot")
    if data is not None and form.is_valid() and time_form.is_valid():
        try:
            saved, result = activity_save(
                hub=hub,
                activity=activity,
                tutors=form.cleaned_data["tutors"],
                weekly_time=time_form.weekly_time(),
                on=today,
                **form.service_fields(),
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                target = time_form if field in time_form.fields else form
                target.add_error(field if field in target.fields else None, problems)
        else:
            verb = "added" if activity is None else "saved"
            messages.success(request, f"{saved.name} {verb}: {_generated(result)}.")
            return redirect("programmes:activity", public_id=saved.public_id)
    context = {
        "form": form,
        "time_form": time_form,
        "parts": [form, time_form],
        "activity": activity,
        "has_calendar": TermCalendar.objects.for_hub(hub).exists(),
    }
    return render(request, "programmes/activity_form.html", context)


@hub_role_required(*MANAGERS)
def activity_create(request: HttpRequest) -> HttpResponse:
    """A new activity with its first weekly time; saving generates its sessions."""
    return _edit(request, None)


@hub_role_required(*MANAGERS)
def activity_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    """Change an activity's details and tutors, or add a weekly time; sessions follow the pattern."""
    activity = hub_object_or_404(request, Activity.objects.all(), public_id=public_id)
    return _edit(request, activity)


@hub_role_required(*MANAGERS)
def activity_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    """The activity's details, sessions, learners and waiting list, with a learner search to enrol from."""
    activity = hub_object_or_404(
        request,
        Activity.objects.select_related("school", "calendar").prefetch_related(
            "aims", "functions", "instruments", "tutors", "slots__terms"
        ),
        public_id=public_id,
    )
    query = request.GET.get("q", "").strip()
    found = selectors.learner_search(hub=hub_of(request), text=query) if query else []
    context = {
        "activity": activity,
        "page": selectors.activity_page(activity),
        "query": query,
        "found": found,
        "search_limit": selectors.LEARNER_SEARCH_LIMIT,
        "links": links_for(activity),
    }
    return render(request, "programmes/activity_detail.html", context)


@hub_role_required(*MANAGERS)
def weekly_time_remove(request: HttpRequest, public_id: str, slot_id: int) -> HttpResponse:
    """Confirm, then stop the activity meeting at one weekly time; its future planned, unmarked sessions go."""
    activity = hub_object_or_404(request, Activity.objects.all(), public_id=public_id)
    weekly_time = get_object_or_404(activity.slots.prefetch_related("terms"), pk=slot_id)
    today = timezone.localdate()
    if request.method == "POST":
        removed = activity_weekly_time_remove(
            activity=activity, weekly_time=weekly_time, by=user_of(request), on=today, request=request
        )
        said = f"{removed} planned session{'s' if removed != 1 else ''} removed"
        messages.success(request, f"{activity.name} no longer meets {weekly_time}: {said}.")
        return redirect("programmes:activity", public_id=activity.public_id)
    context = {
        "activity": activity,
        "weekly_time": weekly_time,
        "removable": selectors.weekly_time_removable_count(weekly_time=weekly_time, on=today),
        "kept": weekly_time.sessions.count(),
    }
    return render(request, "programmes/weekly_time_remove.html", context)
