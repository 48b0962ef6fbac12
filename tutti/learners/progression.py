"""The progression route of a whole-class ensemble teaching (WCET) cohort, each child counted once.

The cohort of year Y: the children with an enrolment that started (active or completed, or withdrawn
after starting) in a WCET activity of the hub's Y calendar. For each child, however many activities
they join:

* **took lessons**: started small-group or individual lessons from the start of the WCET year to the
  end of the three terms that follow it (31 August of Y+2);
* **joined an ensemble**: started in an ensemble, choir or music centre in the same window;
* **reached an advanced ensemble or a graded exam**: at any time since the WCET year began, started in
  an advanced or county/area ensemble, or has a graded exam (not "not passed") or an advanced or
  county ensemble level on their timeline.

Each figure is a set of learners, so a child on two instruments or in three ensembles counts once.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from tutti.learners.models import Milestone
from tutti.network.models import HubArea
from tutti.programmes.models import Activity, Enrolment

LESSON_KINDS = (Activity.Kind.SMALL_GROUP, Activity.Kind.INDIVIDUAL)
ENSEMBLE_KINDS = (Activity.Kind.ENSEMBLE, Activity.Kind.CHOIR, Activity.Kind.MUSIC_CENTRE)
ADVANCED_LEVELS = (Activity.Level.ADVANCED, Activity.Level.COUNTY)


@dataclass(frozen=True)
class Stage:
    label: str
    count: int
    percent: int  # of the cohort, rounded


@dataclass(frozen=True)
class ProgressionRoute:
    academic_year: int
    cohort: int
    stages: list[Stage]


def progression_route(*, hub: HubArea, academic_year: int) -> ProgressionRoute:
    """The cohort of the year's WCET and how many of its children went on, each counted once."""
    began = date(academic_year, 9, 1)
    window_end = date(academic_year + 2, 8, 31)
    enrolments = Enrolment.objects.for_hub(hub).filter(started_on__isnull=False)
    cohort = set(
        enrolments.filter(
            activity__kind=Activity.Kind.WCET, activity__calendar__academic_year=academic_year
        ).values_list("learner_id", flat=True)
    )
    later = enrolments.filter(learner_id__in=cohort, started_on__gte=began)
    in_window = later.filter(started_on__lte=window_end)
    lessons = set(in_window.filter(activity__kind__in=LESSON_KINDS).values_list("learner_id", flat=True))
    ensembles = set(in_window.filter(activity__kind__in=ENSEMBLE_KINDS).values_list("learner_id", flat=True))
    advanced = set(
        later.filter(activity__kind__in=ENSEMBLE_KINDS, activity__level__in=ADVANCED_LEVELS).values_list(
            "learner_id", flat=True
        )
    )
    advanced |= set(
        Milestone.objects.for_hub(hub)
        .filter(learner_id__in=cohort, achieved_on__gte=began)
        .filter(
            (Q(kind=Milestone.Kind.GRADED_EXAM) & ~Q(result=Milestone.Result.NOT_PASSED))
            | Q(kind=Milestone.Kind.ENSEMBLE_LEVEL, ensemble_level__in=ADVANCED_LEVELS)
        )
        .values_list("learner_id", flat=True)
    )
    size = len(cohort)

    def stage(label: str, learners: set[int]) -> Stage:
        return Stage(label, len(learners), round(100 * len(learners) / size) if size else 0)

    return ProgressionRoute(
        academic_year=academic_year,
        cohort=size,
        stages=[
            stage("In whole-class ensemble teaching", cohort),
            stage("Took lessons within the next three terms", lessons),
            stage("Joined an ensemble, choir or music centre", ensembles),
            stage("Reached an advanced ensemble or a graded exam", advanced),
        ],
    )


def wcet_years(hub: HubArea) -> list[int]:
    """The academic years in which the hub ran WCET, newest first."""
    return sorted(
        set(
            Activity.objects.for_hub(hub)
            .filter(kind=Activity.Kind.WCET)
            .values_list("calendar__academic_year", flat=True)
        ),
        reverse=True,
    )
