"""The demo hub's teaching frame: its term calendar, invented schools, staff with DBS checks, and activities.

Written through the programmes services (calendar, staff, checks, training, activities, tutors, slots and
session generation), so every rule they hold holds for the demo too.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.core.management.base import CommandError
from faker import Faker

from tutti.accounts.models import User
from tutti.learners.demo.plan import INVENTED_SCHOOL_PLACES, INVENTED_URN_START, ActivityPlan, calendar_plan
from tutti.network.models import HubArea
from tutti.programmes.models import (
    Activity,
    CalendarBreak,
    Instrument,
    SafeguardingCheck,
    StaffMember,
    Term,
    TermCalendar,
    TrainingRecord,
)
from tutti.programmes.models.workforce import years_after
from tutti.programmes.services.activities import activity_create, sessions_generate, slot_add, tutors_set
from tutti.programmes.services.calendars import break_add, calendar_create, term_set
from tutti.programmes.services.workforce import safeguarding_check_record, staff_member_create, training_record
from tutti.schools.models import School

STAFF_INSTRUMENTS = [
    ["Violin", "Viola"], ["Cornet", "Trumpet", "pBuzz"], ["Ukulele", "Classical guitar"], ["Piano", "Keyboard"],
    ["Clarinet", "Saxophone", "Recorder"], ["Voice"], ["Samba", "Drum kit"], ["Cello", "Double bass"],
]  # fmt: skip


def term_calendar(*, hub: HubArea, start_year: int) -> TermCalendar:
    """The hub's calendar for the year: reused when the hub already set it up, else the demo's dates."""
    calendar = TermCalendar.objects.for_hub(hub).filter(academic_year=start_year).first()
    if calendar is None:
        calendar = calendar_create(hub=hub, academic_year=start_year)
    if not calendar.terms.exists():
        plan = calendar_plan(start_year)
        for name, first, last in plan.terms:
            term_set(calendar=calendar, name=Term.Name(name), starts_on=first, ends_on=last)
        for kind, label, first, last in plan.breaks:
            break_add(calendar=calendar, kind=CalendarBreak.Kind(kind), name=label, starts_on=first, ends_on=last)
    return calendar


def schools(*, hub: HubArea, wanted: int) -> list[School]:
    """Real open primary schools of the hub's area when the register holds enough, else invented ones."""
    real = list(
        School.objects.in_hub_area(hub)
        .open()
        .filter(phase=School.Phase.PRIMARY, urn__lt=1_000_000)
        .order_by("urn")[:wanted]
    )
    if len(real) >= wanted:
        return real
    area = hub.local_authorities.order_by("ons_code").first()
    if area is None:
        raise CommandError(f"{hub.name} has no local authority: run load_network_seed first.")
    invented = []
    for number, place in enumerate(INVENTED_SCHOOL_PLACES[hub.slug][:wanted]):
        school, _ = School.objects.get_or_create(
            urn=INVENTED_URN_START[hub.slug] + number,
            defaults={
                "name": f"{place} Primary School (invented)",
                "establishment_type": "Community school",
                "type_group": "Local authority maintained schools",
                "phase": School.Phase.PRIMARY,
                "statutory_low_age": 4,
                "statutory_high_age": 11,
                "local_authority": area,
                "number_of_pupils": 210 + 30 * (number % 4),
                # Invented free school meals shares, spread so the inclusion page has gaps to show.
                "percent_fsm": Decimal(12 + 7 * (number % 4)),
                "state_funded": True,
            },
        )
        invented.append(school)
    return invented


def _instruments(names: list[str]) -> list[Instrument]:
    found = {instrument.name: instrument for instrument in Instrument.objects.filter(name__in=names)}
    return [found[name] for name in names if name in found]


def staff(
    *, hub: HubArea, fake: Faker, count: int, tutor_account: User | None, by: User, today: date
) -> list[StaffMember]:
    """Tutors with clear DBS checks and safeguarding training; two checks and one course fall due soon."""
    members = []
    for number in range(count):
        account = tutor_account if number == 0 else None
        first = account.first_name if account and account.first_name else fake.first_name()
        last = account.last_name if account and account.last_name else fake.last_name()
        member = staff_member_create(
            hub=hub,
            first_name=first,
            last_name=last,
            employment=[StaffMember.Employment.PERMANENT, StaffMember.Employment.FREELANCE][number % 3 == 2],
            instruments=_instruments(STAFF_INSTRUMENTS[number % len(STAFF_INSTRUMENTS)]),
            user=account,
        )
        # Most checks were seen a year or two ago; the last two fall due within the 60-day warning.
        issued = today - timedelta(days=200 + 90 * number)
        if number >= count - 2:
            issued = years_after(today + timedelta(days=20 + 15 * (number - count + 2)), -3)
        safeguarding_check_record(
            member=member,
            certificate_number=f"{900_000_000_000 + hub.pk * 1000 + number:012d}",
            issued_on=issued,
            update_service=number % 2 == 0,
            status_checked_on=today - timedelta(days=30) if number % 2 == 0 and number < count - 2 else None,
            decision=SafeguardingCheck.Decision.CLEAR,
            by=by,
        )
        attended = today - timedelta(days=300 if number != 1 else 3 * 365 - 40)
        training_record(
            member=member,
            kind=TrainingRecord.Kind.SAFEGUARDING,
            title="Safeguarding children (level 2)",
            attended_on=attended,
        )
        members.append(member)
    return members


def activity(
    *, hub: HubArea, calendar: TermCalendar, plan: ActivityPlan, school: School | None, venue: str, tutor: StaffMember
) -> Activity:
    """One activity with its weekly slot in every term, its tutor, and its sessions generated."""
    created = activity_create(
        hub=hub,
        calendar=calendar,
        name=plan.name,
        kind=plan.kind,
        school=school,
        place_name="" if school else venue,
        year_group_from=4 if plan.kind == Activity.Kind.WCET else None,
        year_group_to=4 if plan.kind == Activity.Kind.WCET else None,
        level=plan.level,
        capacity=plan.capacity,
        fee_basis=plan.fee_basis,
        fee_pence=plan.fee_pence,
        instruments=_instruments([plan.instrument]),
    )
    slot_add(
        activity=created,
        weekday=plan.weekday,
        starts_at=plan.starts_at,
        ends_at=plan.ends_at,
        terms=list(calendar.terms.all()),
    )
    tutors_set(activity=created, tutors=[tutor])
    sessions_generate(activity=created)
    return created
