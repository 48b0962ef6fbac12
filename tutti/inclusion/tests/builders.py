"""A learner with a paid place in the 2025/26 year, to approve remission against."""

import datetime

from tutti.accounts.models import User
from tutti.learners.models import Learner
from tutti.learners.tests.factories import LearnerFactory
from tutti.network.models import HubArea
from tutti.programmes.models import Activity, Enrolment
from tutti.programmes.tests.factories import ActivityFactory, calendar_2025_26

IN_TERM = datetime.date(2025, 11, 3)  # a Monday of the 2025/26 autumn term


def paid_place(
    hub: HubArea,
    *,
    by: User,
    fee_pence: int = 6_000,
    kind: str = Activity.Kind.SMALL_GROUP,
    learner: Learner | None = None,
) -> tuple[Learner, Activity]:
    """A learner holding a place in a termly-fee activity of the hub's 2025/26 calendar (three terms)."""
    calendar = calendar_2025_26(hub) if not hub.term_calendars.exists() else hub.term_calendars.get()
    activity = ActivityFactory.create(
        hub=hub, calendar=calendar, kind=kind, fee_basis=Activity.FeeBasis.PER_TERM, fee_pence=fee_pence
    )
    learner = learner or LearnerFactory.create(hub=hub)
    Enrolment.objects.create(
        hub=hub,
        activity=activity,
        learner=learner,
        status=Enrolment.Status.ACTIVE,
        applied_on=datetime.date(2025, 9, 1),
        started_on=datetime.date(2025, 9, 3),
        changed_by=by,
    )
    return learner, activity
