"""The demo hubs' public opportunities: Hertfordshire's music-centre activities and three in Birmingham.

Venues are invented (marked so) but sit in real postcode districts, so the finder's distances are real.
Written through the services; a listing that exists already is left alone, so a second run adds nothing.
"""

from dataclasses import dataclass
from datetime import time

from django.core.management.base import CommandError
from django.utils import timezone

from tutti.accounts.models import User
from tutti.core import academic_year
from tutti.learners.demo import setup
from tutti.learners.demo.plan import ActivityPlan
from tutti.network.models import HubArea
from tutti.opportunities.models import Listing
from tutti.opportunities.services import ListingDetails, listing_save
from tutti.programmes.models import Activity, StaffMember

K, F = Activity.Kind, Activity.FeeBasis


@dataclass(frozen=True)
class DemoListing:
    activity: str
    kind: str
    venue: str
    postcode: str
    description: str
    entry: str = Listing.Entry.OPEN
    remission: bool = True
    bring: str = ""


ACCESS = "Step-free entrance and an accessible toilet. A quiet room is available on request."
HERTFORDSHIRE = [
    DemoListing("Strings small group (Saturday)", "lessons", "St Albans Music Centre (invented)", "AL1 1ZZ",
                "Violin, viola and cello lessons in a group of up to six, for beginners and early grades.",
                bring="Your instrument, if you have one; the hub can lend one."),
    DemoListing("Individual violin lessons", "lessons", "Watford Music Centre (invented)", "WD17 1ZZ",
                "Half-hour lessons with one teacher, any level."),
    DemoListing("Training string orchestra", "ensemble", "Hertford Music Centre (invented)", "SG14 1ZZ",
                "A first orchestra for young string players of about grade 1 to 3.", remission=False),
    DemoListing("Intermediate wind band", "ensemble", "Welwyn Music Centre (invented)", "AL8 6ZZ",
                "Woodwind, brass and percussion players of about grade 3 to 5."),
    DemoListing("County youth orchestra", "ensemble", "Stevenage Arts Centre (invented)", "SG1 1ZZ",
                "The county's senior orchestra, for players of grade 6 and above.", entry=Listing.Entry.AUDITION,
                bring="Your instrument and a pencil."),
    DemoListing("Young voices choir", "choir", "Hitchin Music Centre (invented)", "SG5 1ZZ",
                "Singing for fun for 7 to 12 year olds: no experience needed.", remission=False),
]  # fmt: skip
BIRMINGHAM_PLANS = [
    ActivityPlan("Saturday music centre", K.MUSIC_CENTRE, 80, 5, time(9, 30), 180, "Violin",
                 fee_basis=F.PER_TERM, fee_pence=7_500),
    ActivityPlan("Edgbaston youth choir", K.CHOIR, 40, 2, time(17, 0), 60, "Voice"),
    ActivityPlan("Beginner guitar group", K.SMALL_GROUP, 8, 1, time(16, 0), 45, "Classical guitar",
                 fee_basis=F.PER_TERM, fee_pence=5_000),
]  # fmt: skip
BIRMINGHAM = [
    DemoListing("Saturday music centre", "music_centre", "Edgbaston Music Centre (invented)", "B15 2ZZ",
                "Bands, orchestras, choirs and theory classes every Saturday morning in term time."),
    DemoListing("Edgbaston youth choir", "choir", "Edgbaston Music Centre (invented)", "B15 2ZZ",
                "A choir for 11 to 18 year olds.", remission=False),
    DemoListing("Beginner guitar group", "lessons", "Moseley Community Hall (invented)", "B13 8ZZ",
                "Classical guitar for complete beginners aged 8 and over."),
]  # fmt: skip


def _admin(slug: str) -> User:
    admin = User.objects.filter(email=f"admin@{slug}.example").first()
    if admin is None:
        raise CommandError(f"No account admin@{slug}.example: run load_demo_accounts first.")
    return admin


def _birmingham_activities(hub: HubArea) -> None:
    """Birmingham's demo teaching is one class; its public activities are added here, once."""
    tutor = StaffMember.objects.for_hub(hub).current().first()
    if tutor is None:
        raise CommandError("Birmingham has no demo staff: run load_demo_teaching first.")
    calendar = setup.term_calendar(hub=hub, start_year=academic_year.containing(timezone.localdate()))
    for plan in BIRMINGHAM_PLANS:
        if not Activity.objects.for_hub(hub).filter(calendar=calendar, name=plan.name).exists():
            setup.activity(
                hub=hub, calendar=calendar, plan=plan, school=None, venue="Demo Music Centre (invented)", tutor=tutor
            )


def _list(hub: HubArea, listings: list[DemoListing], by: User) -> int:
    added = 0
    for demo in listings:
        activity = Activity.objects.for_hub(hub).filter(name=demo.activity).order_by("-calendar__academic_year").first()
        if activity is None:
            raise CommandError(f"{hub.name} has no demo activity {demo.activity!r}: run load_demo_teaching first.")
        if Listing.objects.filter(activity=activity).exists():
            continue
        details = ListingDetails(
            is_public=True,
            kind=demo.kind,
            description=demo.description,
            entry=demo.entry,
            venue_name=demo.venue,
            venue_address="",
            venue_postcode=demo.postcode,
            remission_available=demo.remission and activity.fee_basis != Activity.FeeBasis.FREE,
            what_to_bring=demo.bring,
            accessibility=ACCESS,
            young_people_may_apply=activity.kind == K.ENSEMBLE,
            photo_description="",
        )
        listing_save(activity=activity, details=details, by=by)
        added += 1
    return added


def load() -> dict[str, int]:
    """Each demo hub's number of listings added (0 when all were there already)."""
    hubs = {hub.slug: hub for hub in HubArea.objects.filter(slug__in=["hertfordshire", "birmingham"])}
    if len(hubs) < 2:
        raise CommandError("The demo hubs are missing: run load_network_seed and load_demo_accounts first.")
    _birmingham_activities(hubs["birmingham"])
    return {
        "hertfordshire": _list(hubs["hertfordshire"], HERTFORDSHIRE, _admin("hertfordshire")),
        "birmingham": _list(hubs["birmingham"], BIRMINGHAM, _admin("birmingham")),
    }
