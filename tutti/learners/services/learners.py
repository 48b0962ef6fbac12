"""Adding and changing learners, and recording that someone looked at or exported them (the audit log)."""

import re
from datetime import date
from typing import Any

from django.db import transaction
from django.http import HttpRequest

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.services import audit_record
from tutti.learners.field_access import field_label
from tutti.learners.models import Learner
from tutti.learners.services.references import references_allocate
from tutti.network.models import HubArea

# The fields a person may set on a learner (the form's and the importer's); anything else is the system's.
EDITABLE_FIELDS = (
    "first_name",
    "last_name",
    "date_of_birth",
    "school",
    "year_group",
    "postcode_district",
    "gender",
    "ethnicity",
    "send",
    "disadvantaged",
    "looked_after",
    "young_carer",
    "adaptations",
)


def match_key(first_name: str, last_name: str) -> str:
    """A name as duplicate detection compares it: case-folded, spaces collapsed ("  Ada  LOVE " = "ada love")."""
    return re.sub(r"\s+", " ", f"{first_name} {last_name}").strip().casefold()


def clean_name(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def learner_create(
    *, hub: HubArea, by: User | None, request: HttpRequest | None = None, date_of_birth: date, **fields: Any
) -> Learner:
    """Add a learner to the hub with the next reference; audited. ``fields`` are among EDITABLE_FIELDS."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not a learner field a person sets: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        (reference,) = references_allocate(hub=hub, count=1)
        learner = Learner(hub=hub, reference=reference, date_of_birth=date_of_birth, created_by=by, **fields)
        learner.first_name = clean_name(learner.first_name)
        learner.last_name = clean_name(learner.last_name)
        learner.match_key = match_key(learner.first_name, learner.last_name)
        learner.full_clean(exclude=["school", "hub", "created_by", "merged_into"])
        learner.save()
        audit_record(
            action=AuditEvent.Action.LEARNER_CREATED, hub=hub, actor=by, request=request, detail=learner.reference
        )
    return learner


def learner_update(*, learner: Learner, by: User, request: HttpRequest | None = None, **changes: Any) -> Learner:
    """Change some of a learner's fields; the audit entry names the fields changed (never their values)."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not a learner field a person sets: {', '.join(sorted(unknown))}")
    changed = sorted(name for name, value in changes.items() if getattr(learner, name) != value)
    if not changed:
        return learner
    with transaction.atomic():
        for name in changed:
            setattr(learner, name, changes[name])
        learner.first_name = clean_name(learner.first_name)
        learner.last_name = clean_name(learner.last_name)
        learner.match_key = match_key(learner.first_name, learner.last_name)
        learner.save()
        audit_record(
            action=AuditEvent.Action.LEARNER_CHANGED,
            hub=learner.hub,
            actor=by,
            request=request,
            detail=f"{learner.reference}: {', '.join(field_label(name) for name in changed)} changed",
        )
    return learner


def learner_viewed(*, learner: Learner, by: User, request: HttpRequest | None = None) -> None:
    """Record that a person opened a learner's record."""
    audit_record(
        action=AuditEvent.Action.LEARNER_VIEWED,
        hub=learner.hub,
        actor=by,
        request=request,
        detail=learner.reference,
        path=request.path if request else "",
    )


def learners_exported(
    *, hub: HubArea, by: User, count: int, file_format: str, request: HttpRequest | None = None
) -> None:
    """Record an export: how many learners, in which format, with which filters (the address has them)."""
    audit_record(
        action=AuditEvent.Action.LEARNERS_EXPORTED,
        hub=hub,
        actor=by,
        request=request,
        detail=f"{count} learners as {file_format}",
        path=request.get_full_path() if request else "",
    )
