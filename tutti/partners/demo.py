"""The demo hubs' invented partners: organisations, contacts, this year's agreements, interactions and a board.

Every name is invented. Written through the partners services, so their rules hold for the demo too, and
loaded once per hub (``tutti.core.demo.load_once``), so a second run adds nothing whatever people renamed,
edited, archived or added in between.
"""

from dataclasses import dataclass, field, fields
from datetime import date, timedelta

from django.core.management.base import CommandError

from tutti.accounts.models import Membership, Role, User
from tutti.core import academic_year
from tutti.core.demo import load_once
from tutti.network.models import Aim, HubArea, LocalAuthority, StrategicFunction
from tutti.partners.models import Interaction, Partner
from tutti.partners.services import (
    agreement_create,
    board_member_add,
    contact_add,
    interaction_record,
    partner_create,
)

Kind = Partner.Kind


@dataclass(frozen=True)
class AgreementPlan:
    functions: tuple[str, ...]  # StrategicFunction slugs
    aims: tuple[int, ...]
    commitments: str
    cash_pence: int = 0
    in_kind_pence: int = 0


@dataclass(frozen=True)
class InteractionPlan:
    kind: Interaction.Kind
    days_into_year: int
    notes: str
    follow_up: str = ""


@dataclass(frozen=True)
class PartnerPlan:
    key: str
    name: str
    kind: Kind
    contact: tuple[str, str]  # name, role; the email is made up from the name at .example
    status: Partner.Status = Partner.Status.ACTIVE
    agreement: AgreementPlan | None = None
    interactions: tuple[InteractionPlan, ...] = field(default=())


MEETING, VISIT, CALL = Interaction.Kind.MEETING, Interaction.Kind.VISIT, Interaction.Kind.CALL

PLANS: dict[str, tuple[PartnerPlan, ...]] = {
    "hertfordshire": (
        PartnerPlan(
            "youth-orchestra", "Brambleford Youth Orchestra Trust", Kind.CHARITY, ("Imelda Quartermaine", "Director"),
            agreement=AgreementPlan(("progression", "partnerships"), (2,), "Two county youth orchestra courses a "
                                    "year, with places kept for children on fee remission.", cash_pence=1_200_000),
            interactions=(InteractionPlan(MEETING, 10, "Planned the autumn course and its audition dates.",
                                          follow_up="Send the audition dates to every school music lead."),),
        ),
        PartnerPlan(
            "arts-centre", "Hollowmere Arts Centre", Kind.CULTURAL_ORGANISATION, ("Osric Penhallow", "Programmer"),
            agreement=AgreementPlan(("partnerships", "inclusion"), (3,), "Rehearsal space on Saturday mornings "
                                    "and the hall for the summer concert.", in_kind_pence=450_000),
            interactions=(InteractionPlan(VISIT, 24, "Walked the hall and the step-free route for the concert."),),
        ),
        PartnerPlan(
            "samba", "Quaverley Community Samba", Kind.COMMUNITY_GROUP, ("Delphine Arkwright", "Leader"),
            interactions=(InteractionPlan(VISIT, 31, "Saw a family session; they would like to run one in a "
                                          "school holiday."),),
        ),
        PartnerPlan(
            "college", "Thistledown College of Music", Kind.FURTHER_HIGHER_EDUCATION, ("Barnaby Fairweather",
                                                                                       "Outreach lead"),
            agreement=AgreementPlan(("progression",), (2,), "Four masterclasses for grade 5 and above, and "
                                    "open days for year 12 students.", in_kind_pence=300_000),
        ),
        PartnerPlan(
            "studios", "Fennick Lane Music Studios", Kind.INDUSTRY, ("Rosalind Tock", "Studio manager"),
            status=Partner.Status.PROSPECTIVE,
            interactions=(InteractionPlan(CALL, 40, "Interested in recording days for the music centre bands.",
                                          follow_up="Share the music centre's spring term dates."),),
        ),
    ),
    "birmingham": (
        PartnerPlan(
            "steel-pan", "Copperkettle Steel Pan Collective", Kind.COMMUNITY_GROUP, ("Winifred Oyelaran",
                                                                                    "Coordinator"),
            agreement=AgreementPlan(("inclusion",), (3,), "A steel pan taster in six schools.", cash_pence=400_000),
        ),
        PartnerPlan(
            "sound-lab", "Marrowfield Sound Lab", Kind.INDUSTRY, ("Caspian Hollis", "Founder"),
            status=Partner.Status.PROSPECTIVE,
            interactions=(InteractionPlan(MEETING, 15, "Talked about a music technology club for teenagers."),),
        ),
    ),
}  # fmt: skip

BOARDS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "hertfordshire": (
        ("Cordelia Blackwood", "Invented Parents' Forum", "Chair"),
        ("Thaddeus Mirren", "Brambleford Youth Orchestra Trust", "Vice-chair"),
        ("Perpetua Lowe", "Invented Primary Heads' Group", "Member"),
        ("Jasper Kettering", "Hollowmere Arts Centre", "Member"),
    ),
}


@dataclass
class PartnerCounts:
    """What one run added to a hub (all zero when its demo partners were there already)."""

    partners: int = 0
    contacts: int = 0
    agreements: int = 0
    interactions: int = 0
    board_members: int = 0

    def __str__(self) -> str:
        return ", ".join(f"{getattr(self, name.name)} {name.name.replace('_', ' ')}" for name in fields(self))


def _administrator(hub: HubArea) -> User:
    membership = (
        Membership.objects.for_hub(hub).active().filter(roles__role=Role.HUB_ADMINISTRATOR).select_related("user")
    ).first()
    if membership is None:
        raise CommandError(f"{hub} has no hub administrator: run load_demo_accounts first.")
    return membership.user


def _partner(hub: HubArea, plan: PartnerPlan, *, by: User, counts: PartnerCounts) -> Partner:
    authorities = LocalAuthority.objects.filter(hub_area=hub)
    partner = partner_create(
        hub=hub, name=plan.name, kind=plan.kind, status=plan.status, local_authorities=authorities, by=by
    )
    counts.partners += 1
    return partner


def _contact(partner: Partner, plan: PartnerPlan, *, by: User, counts: PartnerCounts) -> None:
    name, role = plan.contact
    email = f"{name.lower().replace(' ', '.')}@{plan.key}.example"
    contact_add(partner=partner, name=name, role=role, email=email, by=by)
    counts.contacts += 1


def _agreement(partner: Partner, plan: AgreementPlan, *, year: int, by: User, counts: PartnerCounts) -> None:
    agreement_create(
        partner=partner,
        academic_year=year,
        strategic_functions=StrategicFunction.objects.filter(slug__in=plan.functions),
        aims=Aim.objects.filter(number__in=plan.aims),
        commitments=plan.commitments,
        cash_pence=plan.cash_pence,
        in_kind_pence=plan.in_kind_pence,
        starts_on=date(year, 9, 1),
        ends_on=date(year + 1, 8, 31),
        by=by,
    )
    counts.agreements += 1


def _interaction(partner: Partner, plan: InteractionPlan, *, today: date, by: User, counts: PartnerCounts) -> None:
    # Never in the future, whatever day of the year the demo is loaded on.
    occurred_on = min(today, date(academic_year.containing(today), 9, 1) + timedelta(days=plan.days_into_year))
    interaction_record(
        hub=partner.hub,
        subject=partner,
        kind=plan.kind,
        occurred_on=occurred_on,
        participants=[by],
        notes=plan.notes,
        follow_up=plan.follow_up or None,
        follow_up_due=occurred_on + timedelta(days=21) if plan.follow_up else None,
        follow_up_owner=by if plan.follow_up else None,
        by=by,
    )
    counts.interactions += 1


def load_partners(*, hub: HubArea, today: date) -> PartnerCounts:
    """The hub's demo partners, their records and its board, once: all zero when loaded before."""
    by = _administrator(hub)
    return load_once(part="partners", hub_slug=hub.slug, load=lambda: _load(hub, today, by)) or PartnerCounts()


def _load(hub: HubArea, today: date, by: User) -> PartnerCounts:
    year = academic_year.containing(today)
    counts = PartnerCounts()
    for plan in PLANS.get(hub.slug, ()):
        partner = _partner(hub, plan, by=by, counts=counts)
        _contact(partner, plan, by=by, counts=counts)
        if plan.agreement is not None:
            _agreement(partner, plan.agreement, year=year, by=by, counts=counts)
        for interaction in plan.interactions:
            _interaction(partner, interaction, today=today, by=by, counts=counts)
    for name, organisation, role in BOARDS.get(hub.slug, ()):
        board_member_add(
            hub=hub, name=name, organisation=organisation, role=role, term_starts_on=date(year, 9, 1), by=by
        )
        counts.board_members += 1
    return counts
