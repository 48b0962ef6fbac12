"""Loading the demo term into a hub: the frame (setup), the children (people), once (a second run adds nothing)."""

import random
from dataclasses import dataclass, fields
from datetime import date

from django.core.management.base import CommandError
from faker import Faker

from tutti.accounts.models import User
from tutti.core import academic_year
from tutti.core.demo import load_once
from tutti.learners.demo import people, setup
from tutti.learners.demo.plan import MUSIC_CENTRE, ActivityPlan, centre_plans, wcet_plans
from tutti.learners.models import Guardian, Learner
from tutti.network.models import HubArea
from tutti.programmes.models import Activity, StaffMember, Term
from tutti.schools.models import School

SEED = 20240901


@dataclass
class DemoCounts:
    """What one run added to a hub (all zero when its demo data was there already)."""

    schools: int = 0
    staff: int = 0
    activities: int = 0
    sessions: int = 0
    learners: int = 0
    guardians: int = 0
    enrolments: int = 0
    registers_marked: int = 0
    marks: int = 0
    milestones: int = 0

    def __str__(self) -> str:
        return ", ".join(f"{getattr(self, name.name)} {name.name.replace('_', ' ')}" for name in fields(self))


@dataclass(frozen=True)
class HubPlan:
    slug: str
    schools: int
    wcet_classes: int
    older_learners: int
    staff: int
    with_centre: bool


def hub_plans(scale: float) -> list[HubPlan]:
    """Hertfordshire's full term and a small corner of Birmingham's; ``scale`` shrinks both (for tests)."""
    return [
        HubPlan("hertfordshire", schools=12, wcet_classes=max(1, round(18 * scale)),
                older_learners=max(6, round(60 * scale)), staff=8, with_centre=True),
        HubPlan("birmingham", schools=1, wcet_classes=1, older_learners=0, staff=1, with_centre=False),
    ]  # fmt: skip


def _account(email: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        raise CommandError(f"No account {email}: run load_demo_accounts first.")
    return user


def _current_term(terms: list[Term], today: date) -> Term | None:
    started = [term for term in terms if term.starts_on <= today]
    return started[-1] if started else None


def load_hub(plan: HubPlan, *, scale: float, today: date) -> DemoCounts:
    """Load one hub's demo term once: nothing (all zero) when the demo's record says it was loaded before."""
    hub = HubArea.objects.filter(slug=plan.slug).first()
    if hub is None:
        raise CommandError(f"No hub '{plan.slug}': run load_network_seed and load_demo_accounts first.")
    admin = _account(f"admin@{plan.slug}.example")
    counts = load_once(part="teaching", hub_slug=hub.slug, load=lambda: _load_term(plan, hub, admin, scale, today))
    return counts or DemoCounts()


def _load_term(plan: HubPlan, hub: HubArea, admin: User, scale: float, today: date) -> DemoCounts:
    tutor_account = User.objects.filter(email=f"tutor@{plan.slug}.example").first()
    if StaffMember.objects.for_hub(hub).filter(user__in=[admin, tutor_account]).exists():
        return DemoCounts()  # loaded before the demo kept its record of it
    start_year = academic_year.containing(today)
    rng, fake = random.Random(f"{SEED}-{plan.slug}"), Faker("en_GB")  # noqa: S311 - invented data, not secrets
    fake.seed_instance(f"{SEED}-{plan.slug}")

    calendar = setup.term_calendar(hub=hub, start_year=start_year)
    schools = setup.schools(hub=hub, wanted=plan.schools)
    names = [school.name.replace(" Primary School (invented)", "") for school in schools]
    plans: list[ActivityPlan] = wcet_plans(schools=names, classes=plan.wcet_classes)
    if plan.with_centre:
        plans += centre_plans()
    counts = DemoCounts(schools=len(schools))
    staff = setup.staff(hub=hub, fake=fake, count=plan.staff, tutor_account=tutor_account, by=admin, today=today)
    counts.staff = len(staff)
    activities: dict[str, Activity] = {}
    for number, activity_plan in enumerate(plans):
        # The demo tutor takes a class each weekday and the choir; the others share the rest.
        mine = number < 5 or activity_plan.kind == Activity.Kind.CHOIR
        tutor = staff[0] if mine or len(staff) == 1 else staff[1 + number % (len(staff) - 1)]
        school = schools[activity_plan.school_index] if activity_plan.school_index is not None else None
        activities[activity_plan.name] = setup.activity(
            hub=hub, calendar=calendar, plan=activity_plan, school=school, venue=MUSIC_CENTRE[plan.slug], tutor=tutor
        )
    counts.activities = len(activities)
    counts.sessions = sum(activity.sessions.count() for activity in activities.values())

    terms = list(calendar.terms.order_by("starts_on"))
    enrolled_on = terms[0].starts_on
    children, class_of = _children(plans, schools, rng, scale=scale, older=plan.older_learners)
    learners = people.learners_create(hub=hub, children=children, fake=fake, rng=rng, start_year=start_year, by=admin)
    counts.learners = len(learners)
    counts.guardians = Guardian.objects.for_hub(hub).filter(learner__in=learners).count()
    for name, members in _placements(learners, class_of, activities, rng).items():
        counts.enrolments += people.enrol(activity=activities[name], learners=members, by=admin, on=enrolled_on)

    term = _current_term(terms, today)
    if term is not None:
        markers = {
            activity.pk: next((tutor.user for tutor in activity.tutors.all() if tutor.user), admin)
            for activity in activities.values()
        }
        counts.registers_marked, counts.marks = people.registers_mark(
            activities=list(activities.values()), term_start=term.starts_on, today=today, rng=rng, markers=markers
        )
    older = [learner for learner in learners if learner.year_group is not None and learner.year_group >= 7]
    counts.milestones = people.milestones_record(learners=older, by=admin, today=today)
    return counts


def _children(
    plans: list[ActivityPlan], schools: list[School], rng: random.Random, *, scale: float, older: int
) -> tuple[list[people.Child], list[str | None]]:
    """Each WCET class's children (25 to 30 at full scale), then older learners; with each one's class."""
    children: list[people.Child] = []
    class_of: list[str | None] = []
    for plan in plans:
        if plan.kind != Activity.Kind.WCET or plan.school_index is None:
            continue
        size = max(2, round(rng.randint(25, 30) * min(scale, 1.0)))
        children += [people.Child(schools[plan.school_index], 4)] * size
        class_of += [plan.name] * size
    for number in range(older):
        year_group = 5 + number % 7  # years 5 to 11: the primary ones at a demo school, the rest at secondary
        school = schools[number % len(schools)] if year_group <= 6 else None
        children.append(people.Child(school, year_group))
        class_of.append(None)
    return children, class_of


def _placements(
    learners: list[Learner], class_of: list[str | None], activities: dict[str, Activity], rng: random.Random
) -> dict[str, list[Learner]]:
    """Who joins what: every WCET child their class; some carry on to lessons, an ensemble or the choir;
    older learners play in ensembles by age, many with individual lessons, some in two ensembles."""
    placed: dict[str, list[Learner]] = {name: [] for name in activities}
    groups = [name for name, activity in activities.items() if activity.kind == Activity.Kind.SMALL_GROUP]
    for learner, wcet_class in zip(learners, class_of, strict=True):
        if wcet_class is not None:
            placed[wcet_class].append(learner)
            roll = rng.random()
            if groups and roll < 0.06:
                placed[rng.choice(groups)].append(learner)
            elif "Young voices choir" in placed and roll < 0.11:
                placed["Young voices choir"].append(learner)
            elif "Training string orchestra" in placed and roll < 0.14:
                placed["Training string orchestra"].append(learner)
            continue
        year = learner.year_group or 0
        first = (
            "Training string orchestra" if year <= 6 else "Intermediate wind band" if year <= 8
            else rng.choice(["County youth orchestra", "Advanced jazz orchestra"])
        )  # fmt: skip
        placed[first].append(learner)
        if rng.random() < 0.4:
            placed[rng.choice(["Individual piano lessons", "Individual violin lessons"])].append(learner)
        if year >= 7 and rng.random() < 0.2:
            second = "County youth orchestra" if first != "County youth orchestra" else "Young voices choir"
            placed[second].append(learner)
    return {name: members for name, members in placed.items() if members}
