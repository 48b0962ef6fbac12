"""Writes to a hub's engagement with a school: by its staff, or by the school through its survey link."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from tutti.accounts.models import User
from tutti.network.models import HubArea
from tutti.schools.models import EngagementChange, School, SchoolEngagement

# The fields the school's music lead answers in the survey; staff edit these and the agreement and notes.
SURVEY_FIELDS = (
    "plan_status",
    "plan_summary_url",
    "plan_reviewed_on",
    "curriculum_hour",
    "choir",
    "instrumental_ensemble",
    "termly_performance",
    "live_music",
    "services",
    "lead_name",
    "lead_email",
    "lead_phone",
)
STAFF_FIELDS = (*SURVEY_FIELDS, "agreement_value_pence", "notes")
_DEFAULTS: dict[str, Any] = {
    "curriculum_hour": False,
    "choir": False,
    "instrumental_ensemble": False,
    "termly_performance": False,
    "live_music": False,
}


@transaction.atomic
def engagement_record(
    *,
    hub: HubArea,
    school: School,
    academic_year: int,
    values: Mapping[str, Any],
    source: EngagementChange.Source,
    actor: User | None,
) -> SchoolEngagement:
    """Create or update the hub's engagement record for the school and year, and log what changed and who did.

    Only the fields the source may set are taken from ``values`` (staff: STAFF_FIELDS; survey: SURVEY_FIELDS).
    A save that changes nothing writes nothing, not even a log entry.
    """
    allowed = STAFF_FIELDS if source == EngagementChange.Source.STAFF else SURVEY_FIELDS
    wanted = {name: values[name] for name in allowed if name in values}
    if "services" in wanted:
        wanted["services"] = sorted(set(wanted["services"]))
    engagement = (
        SchoolEngagement.objects.for_hub(hub)
        .select_for_update()
        .filter(school=school, academic_year=academic_year)
        .first()
    )
    if engagement is None:
        engagement = SchoolEngagement(hub=hub, school=school, academic_year=academic_year, **_DEFAULTS)
        changed = sorted(wanted)
    else:
        changed = sorted(name for name, value in wanted.items() if getattr(engagement, name) != value)
        if not changed:
            return engagement
    for name, value in wanted.items():
        setattr(engagement, name, value)
    engagement.save()
    EngagementChange.objects.create(
        hub=hub, engagement=engagement, source=source, actor=actor, fields_changed=", ".join(changed)[:500]
    )
    return engagement
