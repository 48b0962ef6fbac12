"""What the demo holds for each hub: its invented schools, its staff and its activities, at a given scale."""

from dataclasses import dataclass
from datetime import date, time, timedelta

from tutti.programmes.models import Activity

# No real school has a seven-digit URN (GIAS numbers run in six digits), so these can never collide.
INVENTED_URN_START = {"hertfordshire": 9_100_001, "birmingham": 9_200_001}
INVENTED_SCHOOL_PLACES = {
    "hertfordshire": [
        "Applebrook", "Bramblewick", "Cobbleford", "Dunmere", "Elderwood", "Fernhollow",
        "Gildencroft", "Hazelmarsh", "Ivywell", "Juniper Vale", "Kestrel Hill", "Larkspur Green",
    ],
    "birmingham": ["Marigold Lane", "Nettlebury"],
}  # fmt: skip
POSTCODE_DISTRICTS = {
    "hertfordshire": ["AL1", "AL3", "AL5", "SG1", "SG2", "SG4", "SG5", "SG12", "SG13", "SG14", "WD3", "WD17",
                      "WD23", "EN6", "EN8", "EN11", "HP1", "HP2", "CM21", "CM23"],
    "birmingham": ["B5", "B11", "B13", "B14", "B15", "B17", "B23", "B29", "B30", "B44"],
}  # fmt: skip
MUSIC_CENTRE = {"hertfordshire": "Demo Music Centre (invented), Hertford", "birmingham": "Demo Music Centre (invented)"}
WCET_INSTRUMENTS = ["Violin", "Ukulele", "pBuzz", "Recorder", "Clarinet", "Samba"]


@dataclass(frozen=True)
class ActivityPlan:
    """One activity of the demo and its weekly slot (in every term of the year)."""

    name: str
    kind: Activity.Kind
    capacity: int
    weekday: int
    starts_at: time
    minutes: int
    instrument: str
    level: str = ""
    fee_basis: Activity.FeeBasis = Activity.FeeBasis.FREE
    fee_pence: int = 0
    school_index: int | None = None  # WCET: which invented school

    @property
    def ends_at(self) -> time:
        end = (self.starts_at.hour * 60 + self.starts_at.minute) + self.minutes
        return time(end // 60, end % 60)


def wcet_plans(*, schools: list[str], classes: int) -> list[ActivityPlan]:
    """Year 4 classes, one a school first, each on its own weekday afternoon."""
    plans = []
    for number in range(classes):
        # A school with a second class learns another instrument there, so every class has its own name.
        instrument = WCET_INSTRUMENTS[(number + number // len(schools)) % len(WCET_INSTRUMENTS)]
        school = schools[number % len(schools)]
        plans.append(
            ActivityPlan(
                name=f"Year 4 {instrument if instrument[1:2].isupper() else instrument.lower()} class, {school}",
                kind=Activity.Kind.WCET,
                capacity=30,
                weekday=number % 5,
                starts_at=time(13, 30) if number < len(schools) else time(10, 45),
                minutes=60,
                instrument=instrument,
                school_index=number % len(schools),
            )
        )
    return plans


def centre_plans() -> list[ActivityPlan]:
    """Lessons, ensembles at several levels and a choir at the music centre."""
    K, L, F = Activity.Kind, Activity.Level, Activity.FeeBasis
    return [
        ActivityPlan("Strings small group (Saturday)", K.SMALL_GROUP, 6, 5, time(9, 30), 45, "Violin",
                     fee_basis=F.PER_TERM, fee_pence=6_000),
        ActivityPlan("Brass small group", K.SMALL_GROUP, 6, 2, time(16, 0), 45, "Cornet",
                     fee_basis=F.PER_TERM, fee_pence=6_000),
        ActivityPlan("Ukulele small group", K.SMALL_GROUP, 8, 3, time(16, 0), 45, "Ukulele",
                     fee_basis=F.PER_TERM, fee_pence=4_500),
        ActivityPlan("Individual piano lessons", K.INDIVIDUAL, 8, 1, time(16, 0), 120, "Piano",
                     fee_basis=F.PER_LESSON, fee_pence=2_400),
        ActivityPlan("Individual violin lessons", K.INDIVIDUAL, 8, 4, time(15, 30), 120, "Violin",
                     fee_basis=F.PER_LESSON, fee_pence=2_400),
        ActivityPlan("Training string orchestra", K.ENSEMBLE, 40, 5, time(10, 30), 60, "Violin", level=L.BEGINNER),
        ActivityPlan("Intermediate wind band", K.ENSEMBLE, 40, 5, time(11, 45), 75, "Clarinet", level=L.INTERMEDIATE),
        ActivityPlan("Advanced jazz orchestra", K.ENSEMBLE, 24, 4, time(18, 0), 90, "Saxophone", level=L.ADVANCED),
        ActivityPlan("County youth orchestra", K.ENSEMBLE, 70, 5, time(14, 0), 150, "Violin", level=L.COUNTY),
        ActivityPlan("Young voices choir", K.CHOIR, 60, 2, time(16, 30), 60, "Voice", level=L.BEGINNER),
    ]  # fmt: skip


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _weekday_on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


@dataclass(frozen=True)
class CalendarPlan:
    terms: list[tuple[str, date, date]]
    breaks: list[tuple[str, str, date, date]]  # kind, name, first day, last day


def calendar_plan(start_year: int) -> CalendarPlan:
    """Terms and half-terms shaped like an English county's (dates computed, so any year works)."""
    monday, friday = 0, 4
    autumn = (
        _weekday_on_or_after(date(start_year, 9, 3), monday + 2),
        _weekday_on_or_before(date(start_year, 12, 19), friday),
    )
    spring = (
        _weekday_on_or_after(date(start_year + 1, 1, 5), monday),
        _weekday_on_or_before(date(start_year + 1, 3, 27), friday),
    )
    summer = (_weekday_on_or_after(date(start_year + 1, 4, 13), monday), date(start_year + 1, 7, 21))
    october = _weekday_on_or_before(date(start_year, 10, 31), monday)
    february = _weekday_on_or_after(date(start_year + 1, 2, 14), monday)
    may = _weekday_on_or_before(date(start_year + 1, 5, 31), monday)
    return CalendarPlan(
        terms=[("autumn", *autumn), ("spring", *spring), ("summer", *summer)],
        breaks=[
            ("half_term", "October half-term", october, october + timedelta(days=4)),
            ("closure", "INSET day", october + timedelta(days=7), october + timedelta(days=7)),
            ("half_term", "February half-term", february, february + timedelta(days=4)),
            ("half_term", "May half-term", may, may + timedelta(days=4)),
        ],
    )  # fmt: skip
