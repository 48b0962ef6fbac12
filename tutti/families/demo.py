"""The demo family: parent@hertfordshire.example with two invented children holding places in public activities.

Each hub's consent questions are set, the children join at the start of term through the services a family
uses (add, apply), the hub offers and the parent accepts; the last past session of the strings group is
marked as not delivered (tutor away), so the portal's timetable shows a cancelled week. A second run adds
nothing.
"""

from datetime import date

from django.core.management.base import CommandError
from django.utils import timezone

from tutti.accounts.demo import demo_person
from tutti.accounts.models import User
from tutti.core.demo import load_once
from tutti.families.models import ConsentQuestion, FamilyAccount
from tutti.families.services.accounts import family_account_of
from tutti.families.services.joining import NewChild, child_add_and_apply
from tutti.learners.models import Consent
from tutti.network.models import HubArea
from tutti.opportunities.models import Listing
from tutti.programmes.models import Session
from tutti.programmes.services.enrolments import enrolment_accept, enrolment_offer
from tutti.programmes.services.registers import session_not_delivered

PARENT_EMAIL = "parent@hertfordshire.example"
QUESTIONS = {
    Consent.Kind.PHOTOGRAPHY: "{hub} Music Hub may photograph and film concerts and rehearsals for its website, "
    "newsletters and reports to Arts Council England. Children are never named in a photo's caption.",
    Consent.Kind.DATA_SHARING: "{hub} Music Hub may share your child's attendance with their school's music lead, "
    "to plan lessons together.",
}
# Invented children (clearly not real people), each with the activities they would like, first choice first:
# a full-size demo term fills some groups, so a child takes the first with a place left.
CHILDREN = [
    ("Wren", "Applegarth-Demo", date(2016, 5, 14), 5,
     ("Strings small group (Saturday)", "Training string orchestra", "Individual violin lessons")),
    ("Fenn", "Applegarth-Demo", date(2013, 11, 2), 8, ("Young voices choir", "Intermediate wind band")),
]  # fmt: skip


def _questions() -> None:
    for hub in HubArea.objects.filter(slug__in=["hertfordshire", "birmingham"]):
        for kind, wording in QUESTIONS.items():
            ConsentQuestion.objects.get_or_create(
                hub=hub, kind=kind, defaults={"wording": wording.format(hub=hub.name)}
            )


def _listing(names: tuple[str, ...]) -> Listing:
    """The first of the named public activities with a place left."""
    listings = {
        listing.activity.name: listing
        for listing in Listing.objects.published()
        .filter(hub__slug="hertfordshire", activity__name__in=names)
        .select_related("activity")
    }
    if not listings:
        raise CommandError(f"No public listing of {names[0]!r}: run load_demo_opportunities first.")
    for name in names:
        if name in listings and listings[name].activity.places_left > 0:
            return listings[name]
    raise CommandError(f"None of {', '.join(names)} has a place left for the demo family.")


def _term_start(listing: Listing) -> date:
    """The children joined at the start of this term (or today, between terms)."""
    today = timezone.localdate()
    term = listing.activity.calendar.terms.filter(starts_on__lte=today).order_by("-starts_on").first()
    return term.starts_on if term is not None else today


def _tutor_away(listing: Listing, by: User) -> None:
    """The most recent session before today of the activity, not delivered: the week the tutor was away."""
    sessions = Session.objects.filter(activity=listing.activity, date__lt=timezone.localdate())
    if sessions.filter(status=Session.Status.NOT_DELIVERED).exists():
        return
    last = sessions.order_by("-date").first()
    if last is not None:
        session_not_delivered(session=last, reason=Session.Reason.TUTOR_ABSENCE, note="Tutor unwell", by=by)


def load() -> int:
    """The number of children added (0 when the demo family was loaded before), all or nothing."""
    return load_once(part="families", hub_slug="hertfordshire", load=_load_family) or 0


def _load_family() -> int:
    admin = User.objects.filter(email="admin@hertfordshire.example").first()
    if admin is None:
        raise CommandError("No account admin@hertfordshire.example: run load_demo_accounts first.")
    _questions()
    parent = demo_person(email=PARENT_EMAIL, first_name="Demo", last_name="Parent")
    account: FamilyAccount = family_account_of(parent)
    if account.links.exists():
        return 0  # loaded before the demo kept its record of it
    for number, (first_name, last_name, born, year_group, activity_names) in enumerate(CHILDREN):
        listing = _listing(activity_names)
        questions = ConsentQuestion.objects.for_hub(listing.hub)
        began = _term_start(listing)
        enrolment = child_add_and_apply(
            account=account,
            activity=listing.activity,
            child=NewChild(first_name, last_name, born, year_group, "AL1", "", "mother", "01632 960555"),
            answers={question: question.kind == Consent.Kind.PHOTOGRAPHY for question in questions},
            on=began,
        )
        enrolment_accept(enrolment=enrolment_offer(enrolment=enrolment, by=admin), by=parent, on=began)
        if number == 0:
            _tutor_away(listing, admin)
    return len(CHILDREN)
