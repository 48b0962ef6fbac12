"""The WCET class-list import: one class of one school enrolled into one whole-class activity, or nothing.

Every line is checked first (the learners import's own parsing of names, dates and year groups), each
child is matched to a learner of the hub (by Learner Ref, else by name, date of birth and the activity's
school) or added with the activity's school, and the class is enrolled through the programmes enrolment
services with the activity's row locked. A class that does not fit the places left is refused, naming
the numbers, before anything is written. Enrolling the same file again enrols nobody twice.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.services import audit_record
from tutti.learners.importing.columns import ParsedRow, parse_row
from tutti.learners.importing.run import LineError, decode
from tutti.learners.models import Learner
from tutti.learners.services.learners import learner_create, match_key
from tutti.programmes.models import Activity, Enrolment
from tutti.programmes.services.enrolments import enrolment_accept, enrolment_enrol, enrolment_offer

# Header (matched case- and space-insensitively) -> the learners import's internal name.
CLASS_LIST_COLUMNS = {
    "learner ref": "reference",
    "forename": "first_name",
    "surname": "last_name",
    "dob": "date_of_birth",
    "nc year": "year_group",
}
REQUIRED_CLASS_LIST_HEADERS = ("forename", "surname", "dob")


@dataclass
class ClassListResult:
    """What a class-list import did, or (with errors) why it wrote nothing."""

    errors: list[LineError] = field(default_factory=list)
    learners_added: int = 0
    enrolled: int = 0
    already_enrolled: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


class ClassDoesNotFit(Exception):
    """Raised inside the write when the places left shrank since the check (someone enrolled meanwhile)."""


def _read(text: str, *, today: date) -> tuple[list[ParsedRow], list[LineError]]:
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        return [], [LineError(1, "The file is empty.")]
    keys = [" ".join(cell.casefold().split()) for cell in header]
    problems = []
    missing = [name.title() for name in REQUIRED_CLASS_LIST_HEADERS if name not in keys]
    if missing:
        problems.append("missing column(s) " + ", ".join(missing))
    unknown = [cell for cell, key in zip(header, keys, strict=True) if key and key not in CLASS_LIST_COLUMNS]
    if unknown:
        problems.append("unknown column(s) " + ", ".join(unknown) + " (a class list has Learner Ref, Forename, "
                        "Surname, DOB and NC Year)")  # fmt: skip
    if problems:
        return [], [LineError(1, "; ".join(problems))]
    names = [CLASS_LIST_COLUMNS.get(key, "") for key in keys]
    rows: list[ParsedRow] = []
    errors: list[LineError] = []
    line = 1
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(names):
            errors.append(LineError(line, f"{len(cells)} cells but the header has {len(names)} columns"))
            continue
        parsed = parse_row(dict(zip(names, cells, strict=False)), line=line, today=today)
        if isinstance(parsed, list):
            errors.extend(LineError(line, message) for message in parsed)
        else:
            rows.append(parsed)
    if not rows and not errors:
        errors.append(LineError(line, "The file has a header but no children."))
    return rows, errors


def _match(*, activity: Activity, rows: list[ParsedRow], errors: list[LineError]) -> dict[int, Learner | None]:
    """For each line, the hub's learner it names (by Learner Ref, else name, birth date and the school)."""
    learners = Learner.objects.for_hub(activity.hub).current()
    references = {row.reference for row in rows if row.reference}
    by_reference = {learner.reference: learner for learner in learners.filter(reference__in=references)}
    keys = {match_key(row.first_name, row.last_name) for row in rows}
    by_key = {
        (learner.match_key, learner.date_of_birth): learner
        for learner in learners.filter(match_key__in=keys, school=activity.school)
    }
    matched: dict[int, Learner | None] = {}
    seen: dict[object, int] = {}
    for row in rows:
        key = (match_key(row.first_name, row.last_name), row.date_of_birth)
        if row.reference:
            found = by_reference.get(row.reference)
            if found is None:
                errors.append(LineError(row.line, f"Learner Ref {row.reference} is not a current learner of this hub"))
                continue
        else:
            found = by_key.get(key)
        identity: object = found.pk if found is not None else key
        if identity in seen:
            errors.append(LineError(row.line, f"the same child as line {seen[identity]}"))
            continue
        seen[identity] = row.line
        matched[row.line] = found
    return matched


def _lines_needing_places(activity: Activity, matched: dict[int, Learner | None]) -> list[int]:
    """The lines whose child does not yet hold a place in this activity, in file order."""
    existing = [learner.pk for learner in matched.values() if learner is not None]
    holding = set(
        Enrolment.objects.filter(activity=activity, learner_id__in=existing)
        .holding_places()
        .values_list("learner_id", flat=True)
    )
    return sorted(line for line, learner in matched.items() if learner is None or learner.pk not in holding)


def _capacity_error(activity: Activity, lines: list[int]) -> LineError | None:
    """None when the class fits; else an error on the first line past the last place, naming the numbers."""
    if len(lines) <= activity.places_left:
        return None
    return LineError(
        lines[activity.places_left],
        f"the class list has {len(lines)} children needing a place in {activity.name}, but it has only "
        f"{activity.places_left} of its {activity.capacity} places left ({activity.places_taken} taken), "
        "so nobody was enrolled",
    )


def _write(
    *,
    activity: Activity,
    rows: list[ParsedRow],
    matched: dict[int, Learner | None],
    by: User,
    request: HttpRequest | None,
) -> ClassListResult:
    result = ClassListResult()
    with transaction.atomic():
        locked = Activity.objects.select_for_update().get(pk=activity.pk)
        lines = _lines_needing_places(locked, matched)
        too_many = _capacity_error(locked, lines)
        if too_many is not None:
            raise ClassDoesNotFit(too_many)
        result.already_enrolled = len(matched) - len(lines)
        for row in rows:
            learner = matched[row.line]
            if learner is None:
                year_group = row.learner.get("year_group", _single_year_group(activity))
                learner = learner_create(
                    hub=activity.hub,
                    by=by,
                    request=request,
                    first_name=row.first_name,
                    last_name=row.last_name,
                    date_of_birth=row.date_of_birth,
                    school=activity.school,
                    year_group=year_group,
                )
                result.learners_added += 1
            result.enrolled += _enrol(activity=locked, learner=learner, by=by, line=row.line)
    return result


def _single_year_group(activity: Activity) -> int | None:
    """The activity's year group when it is for one year only (a WCET class usually is)."""
    if activity.year_group_from is not None and activity.year_group_from == activity.year_group_to:
        return activity.year_group_from
    return None


def _enrol(*, activity: Activity, learner: Learner, by: User, line: int) -> int:
    """Give the learner a place (1), or nothing when they hold one already (0)."""
    current = Enrolment.objects.filter(activity=activity, learner=learner).current().first()
    if current is not None and current.status in Enrolment.HOLDING_PLACE:
        return 0
    if current is not None:  # applied or waiting: the class list gives them the place
        enrolment_accept(enrolment=enrolment_offer(enrolment=current, by=by), by=by)
        return 1
    enrolment = enrolment_enrol(activity=activity, learner=learner, by=by)
    if enrolment.status != Enrolment.Status.ACTIVE:  # cannot happen with the row locked and counted; never wait-list
        raise ClassDoesNotFit(LineError(line, f"{activity.name} has no place left for this child"))
    return 1


def class_list_import(
    *, activity: Activity, data: bytes, by: User, request: HttpRequest | None = None, today: date | None = None
) -> ClassListResult:
    """Enrol a WCET class from its class list: every line checked first; any problem and nothing is written."""
    if activity.kind != Activity.Kind.WCET:
        return ClassListResult(errors=[LineError(1, f"{activity.name} is not a whole-class (WCET) activity")])
    rows, errors = _read(decode(data), today=today or timezone.localdate())
    matched = _match(activity=activity, rows=rows, errors=errors) if not errors else {}
    if not errors:
        too_many = _capacity_error(activity, _lines_needing_places(activity, matched))
        if too_many is not None:
            errors.append(too_many)
    if errors:
        return ClassListResult(errors=sorted(errors, key=lambda error: error.line))
    try:
        result = _write(activity=activity, rows=rows, matched=matched, by=by, request=request)
    except ClassDoesNotFit as refused:
        return ClassListResult(errors=[refused.args[0]])
    audit_record(
        action=AuditEvent.Action.LEARNERS_IMPORTED,
        hub=activity.hub,
        actor=by,
        request=request,
        detail=f"Class list for {activity.name}: {result.learners_added} learners added, {result.enrolled} enrolled, "
        f"{result.already_enrolled} already enrolled",
    )
    return result
