"""The demo hub's children: invented learners and guardians (bulk), enrolments, registers and milestones.

Learners and guardians are written with ``bulk_create`` (a service call per child would add an audit entry
and a reference lock per row); references still come from ``references_allocate`` in one locked update.
Enrolments go through ``enrolment_enrol`` (places and waiting lists stay right), registers through
``register_mark`` and ``session_not_delivered``, milestones through ``milestone_record``.
"""

import random
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from faker import Faker

from tutti.accounts.models import User
from tutti.learners.demo.plan import POSTCODE_DISTRICTS
from tutti.learners.models import Answer, Ethnicity, Gender, Guardian, Learner, LookedAfter, Milestone, Send
from tutti.learners.services.family import milestone_record
from tutti.learners.services.learners import match_key
from tutti.learners.services.references import references_allocate
from tutti.network.models import HubArea
from tutti.programmes.models import Activity, Attendance, Enrolment, Session
from tutti.programmes.services.enrolments import enrolment_enrol
from tutti.programmes.services.registers import register_mark, session_not_delivered
from tutti.schools.models import School

_T = TypeVar("_T")

_ETHNICITIES = [(Ethnicity.WBRI, 70), (Ethnicity.WOTH, 6), (Ethnicity.AIND, 5), (Ethnicity.APKN, 3),
                (Ethnicity.MWBC, 3), (Ethnicity.BAFR, 3), (Ethnicity.MOTH, 2), (Ethnicity.CHNE, 1),
                (Ethnicity.BCRB, 1), (Ethnicity.PREFER_NOT_TO_SAY, 2), (Ethnicity.NOT_KNOWN, 4)]  # fmt: skip
_SEND = [(Send.NONE, 80), (Send.SEN_SUPPORT, 12), (Send.EHC_PLAN, 3), (Send.NOT_KNOWN, 5)]
_MARKS = [(Attendance.Mark.PRESENT, 88), (Attendance.Mark.ABSENT, 6), (Attendance.Mark.LATE, 3),
          (Attendance.Mark.EXCUSED, 3)]  # fmt: skip


def _pick(rng: random.Random, weighted: list[tuple[_T, int]]) -> _T:
    return rng.choices([value for value, _ in weighted], weights=[weight for _, weight in weighted])[0]


def born_in_year_group(rng: random.Random, *, year_group: int, start_year: int) -> date:
    """A birth date that puts a child in this National Curriculum year in the academic year."""
    first = date(start_year - year_group - 5, 9, 1)
    return date.fromordinal(first.toordinal() + rng.randrange(365))


@dataclass(frozen=True)
class Child:
    """A child to invent: their school and year group."""

    school: School | None
    year_group: int


def learners_create(
    *, hub: HubArea, children: list[Child], fake: Faker, rng: random.Random, start_year: int, by: User
) -> list[Learner]:
    """Invent the children and one or two guardians each, in bulk."""
    references = references_allocate(hub=hub, count=len(children))
    districts = POSTCODE_DISTRICTS[hub.slug]
    learners = []
    for child, reference in zip(children, references, strict=True):
        female = rng.random() < 0.5
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name()
        learners.append(
            Learner(
                hub=hub,
                reference=reference,
                first_name=first,
                last_name=last,
                match_key=match_key(first, last),
                date_of_birth=born_in_year_group(rng, year_group=child.year_group, start_year=start_year),
                school=child.school,
                year_group=child.year_group,
                postcode_district=rng.choice(districts),
                gender=Gender.FEMALE if female else Gender.MALE,
                ethnicity=_pick(rng, _ETHNICITIES),
                send=_pick(rng, _SEND),
                disadvantaged=_pick(rng, [(Answer.YES, 22), (Answer.NO, 70), (Answer.NOT_KNOWN, 8)]),
                looked_after=_pick(rng, [(LookedAfter.NO, 97), (LookedAfter.LOOKED_AFTER, 1),
                                         (LookedAfter.PREVIOUSLY_LOOKED_AFTER, 1), (LookedAfter.NOT_KNOWN, 1)]),
                young_carer=_pick(rng, [(Answer.NO, 95), (Answer.YES, 2), (Answer.NOT_KNOWN, 3)]),
                created_by=by,
            )
        )  # fmt: skip
    created = Learner.objects.bulk_create(learners, batch_size=1000)
    guardians = []
    for number, learner in enumerate(created):
        for extra in range(1 if rng.random() < 0.7 else 2):
            relationship = rng.choice([Guardian.Relationship.MOTHER, Guardian.Relationship.FATHER])
            name = fake.first_name_female() if relationship == "mother" else fake.first_name_male()
            guardians.append(
                Guardian(
                    hub=hub,
                    learner=learner,
                    name=f"{name} {learner.last_name}",
                    relationship=relationship,
                    email=f"{name.lower()}.{learner.last_name.lower().replace(' ', '')}{number}@example.org",
                    # Ofcom's numbers for drama: never a real line.
                    phone=f"07700 900{(number * 2 + extra) % 1000:03d}",
                )
            )  # fmt: skip
    Guardian.objects.bulk_create(guardians, batch_size=1000)
    return created


def enrol(*, activity: Activity, learners: list[Learner], by: User, on: date) -> int:
    """Enrol each learner (a full activity puts the rest on its waiting list); returns enrolments made."""
    for learner in learners:
        enrolment_enrol(activity=activity, learner=learner, by=by, on=on)
    return len(learners)


def registers_mark(
    *, activities: list[Activity], term_start: date, today: date, rng: random.Random, markers: dict[int, User]
) -> tuple[int, int]:
    """Mark every past session of the term; one is recorded as not delivered (tutor absence).

    Returns (sessions marked, marks written). Today's and later sessions stay open for the tutor.
    """
    enrolled: dict[int, list[int]] = {}
    for activity_id, learner_id in Enrolment.objects.filter(
        activity__in=activities, status__in=Enrolment.HOLDING_PLACE
    ).values_list("activity_id", "learner_id"):
        enrolled.setdefault(activity_id, []).append(learner_id)
    sessions = list(
        Session.objects.filter(activity__in=activities, date__gte=term_start, date__lt=today, status="planned")
        .select_related("activity__hub")
        .order_by("date", "starts_at", "pk")
    )
    marked = marks = 0
    for number, session in enumerate(sessions):
        by = markers[session.activity_id]
        if number == len(sessions) // 3:
            session_not_delivered(
                session=session, reason=Session.Reason.TUTOR_ABSENCE, note="Tutor unwell (demo)", by=by
            )
            continue
        learner_ids = enrolled.get(session.activity_id, [])
        if not learner_ids:
            continue
        register_mark(session=session, marks={pk: _pick(rng, _MARKS) for pk in learner_ids}, by=by)
        marked += 1
        marks += len(learner_ids)
    return marked, marks


def milestones_record(*, learners: list[Learner], by: User, today: date) -> int:
    """A few progression milestones for the older learners: exams, a level change, a concert, a pathway."""
    kinds = Milestone.Kind
    steps: list[dict[str, Any]] = [
        {"kind": kinds.GRADED_EXAM, "exam_board": "abrsm", "instrument": "Violin", "grade": 5, "result": "merit"},
        {"kind": kinds.GRADED_EXAM, "exam_board": "trinity", "instrument": "Clarinet", "grade": 3, "result": "pass"},
        {"kind": kinds.ENSEMBLE_LEVEL, "ensemble_level": "advanced", "title": "Advanced jazz orchestra"},
        {"kind": kinds.PERFORMANCE, "title": "Autumn concert, Demo Music Centre"},
        {"kind": kinds.GRADED_EXAM, "exam_board": "abrsm", "instrument": "Piano", "grade": 7, "result": "distinction"},
        {"kind": kinds.PATHWAY, "pathway": "junior_conservatoire", "title": "Junior department (invented)"},
    ]  # fmt: skip
    for number, (learner, step) in enumerate(zip(learners, steps, strict=False)):
        milestone_record(
            learner=learner, by=by, achieved_on=date.fromordinal(today.toordinal() - 20 - 9 * number), **step
        )
    return min(len(learners), len(steps))
