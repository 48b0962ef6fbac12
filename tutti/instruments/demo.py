"""The demo's instrument store for Hertfordshire: about 150 invented assets bought with the 2024/25 capital
grant (some adaptive), a few older donated ones, and loans, returns and repairs, so every page shows something.

Written through the instruments services, once per hub (``load_once``): a second run adds nothing.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.management.base import CommandError

from tutti.accounts.models import User
from tutti.core.demo import load_once
from tutti.instruments.models import Asset, Condition, Loan, Repair
from tutti.instruments.services.assets import asset_create, repair_finish, repair_start
from tutti.instruments.services.loans import (
    Agreement,
    loan_agreement_accept,
    loan_return,
    loan_to_learner,
    loan_to_school,
)
from tutti.learners.models import Learner
from tutti.network.models import HubArea
from tutti.programmes.models import Instrument, StaffMember
from tutti.schools.models import School

SEED = 20241001
HUB_SLUG = "hertfordshire"
STORES = ("Hertford music centre store", "Stevenage store")
# (instrument type, how many, sizes, makes, cost in pounds) bought with the 2024/25 capital grant.
CAPITAL_PURCHASES = [
    ("Violin", 30, ("1/2", "3/4", "4/4"), ("Stentor", "Primavera"), 189),
    ("Cello", 8, ("1/2", "3/4"), ("Stentor",), 520),
    ("Cornet", 22, ("",), ("Besson", "Jupiter"), 415),
    ("Trombone", 8, ("",), ("pBone", "Jupiter"), 380),
    ("Clarinet", 14, ("",), ("Buffet Prodige", "Yamaha"), 465),
    ("Flute", 12, ("",), ("Trevor James", "Yamaha"), 398),
    ("Ukulele", 20, ("Soprano",), ("Mahalo",), 32),
    ("Keyboard", 6, ("61 keys",), ("Casio", "Yamaha"), 249),
    ("Djembe", 10, ('10"',), ("Remo",), 95),
    ("Music technology", 4, ("",), ("Apple iPad with GarageBand",), 449),
]
ADAPTIVE = [
    ("Adaptive instrument", "Skoog", "A tactile cube for pupils with limited movement or fine motor control", 1150),
    ("Adaptive instrument", "Artiphon Orba", "Played by touch pads for pupils who cannot grip a beater", 140),
    ("Clarinet", "Chalumeau one-handed", "A one-handed clarinet for a player with the use of one hand", 2450),
    ("Recorder", "Aulos one-handed", "A one-handed recorder for a player with the use of one hand", 185),
    ("Adaptive instrument", "Beamz", "Laser beams played by moving a hand through them, for wheelchair users", 399),
    ("Trumpet", "Trumpet stand with mouthpiece holder", "Holds the trumpet for a player who cannot support it", 210),
]
EQUIPMENT = [
    ("Music stands (set of 10)", 3, 120),
    ("Practice amplifier", 2, 160),
    ("Drum practice pads (set of 6)", 1, 90),
]
DONATED = [("Violin", 4, "Old town music shop gift"), ("Cornet", 3, "Old town music shop gift")]


@dataclass
class InstrumentCounts:
    assets: int = 0
    adaptive: int = 0
    loans: int = 0
    repairs: int = 0

    def __str__(self) -> str:
        return f"{self.assets} assets ({self.adaptive} adaptive), {self.loans} loans, {self.repairs} repairs"


def _purchase_day(rng: random.Random) -> date:
    """A day between October 2024 and July 2025, while the 2024/25 grant was being spent."""
    return date(2024, 10, 1) + timedelta(days=rng.randrange(0, 300))


class _Store:
    """Adds the demo's assets with running asset tags (HRT-0001...)."""

    def __init__(self, hub: HubArea, admin: User, rng: random.Random) -> None:
        self.hub, self.admin, self.rng, self.number = hub, admin, rng, 0
        self.instruments = {item.name: item for item in Instrument.objects.all()}

    def add(self, *, kind: str, name: str, pounds: int, **fields: Any) -> Asset:
        self.number += 1
        instrument = self.instruments.get(name)
        values: dict[str, Any] = {
            "asset_tag": f"HRT-{self.number:04d}", "kind": kind, "instrument": instrument,
            "item": "" if instrument else name, "condition": Condition.NEW, "location_kind": "store",
            "store_name": self.rng.choice(STORES), "purchased_on": _purchase_day(self.rng), "cost_pence": pounds * 100,
            "funding": Asset.Funding.CAPITAL_GRANT, "capital_year": 2024,
            "serial_number": f"{name[:2].upper()}{self.rng.randrange(10**6, 10**7)}",
        }  # fmt: skip
        return asset_create(hub=self.hub, by=self.admin, **(values | fields))


def _assets(store: _Store, counts: InstrumentCounts) -> list[Asset]:
    assets = []
    for name, how_many, sizes, makes, pounds in CAPITAL_PURCHASES:
        kind = Asset.Kind.TECHNOLOGY if name == "Music technology" else Asset.Kind.INSTRUMENT
        for _ in range(how_many):
            make = store.rng.choice(makes)
            assets.append(store.add(kind=kind, name=name, pounds=pounds, size=store.rng.choice(sizes), make=make))
    for name, model, purpose, pounds in ADAPTIVE:
        kind = Asset.Kind.TECHNOLOGY if name == "Adaptive instrument" else Asset.Kind.INSTRUMENT
        assets.append(
            store.add(kind=kind, name=name, pounds=pounds, model=model, adaptive=True, adaptive_purpose=purpose)
        )
        counts.adaptive += 1
    for item, how_many, pounds in EQUIPMENT:
        for _ in range(how_many):
            assets.append(store.add(kind=Asset.Kind.EQUIPMENT, name=item, pounds=pounds))
    for name, how_many, note in DONATED:
        for _ in range(how_many):
            assets.append(
                store.add(
                    kind=Asset.Kind.INSTRUMENT,
                    name=name,
                    pounds=0,
                    model=note,
                    condition=Condition.FAIR,
                    funding=Asset.Funding.DONATION,
                    capital_year=None,
                    cost_pence=None,
                    purchased_on=date(2019, 6, 1),
                )
            )
    counts.assets = len(assets)
    return assets


def _agreement(learner: Learner, day: date, rng: random.Random) -> Agreement:
    guardian = learner.guardians.first()
    name = guardian.name if guardian else f"Guardian of {learner.reference}"
    return Agreement(
        accepted_by=name, accepted_on=day, method=rng.choice([Loan.AgreementMethod.PAPER, Loan.AgreementMethod.EMAIL])
    )


def _loans(hub: HubArea, admin: User, assets: list[Asset], today: date, rng: random.Random) -> tuple[int, int]:
    """Learner loans (some overdue, some returned, a few awaiting the agreement), a school's class set, repairs."""
    learners = list(Learner.objects.for_hub(hub).current().order_by("reference")[:60])
    if not learners:
        raise CommandError("No demo learners in Hertfordshire: run load_demo_teaching first.")
    lendable = [
        asset
        for asset in assets
        if asset.kind == Asset.Kind.INSTRUMENT and asset.instrument and asset.instrument.name != "Ukulele"
    ]
    rng.shuffle(lendable)
    loans = repairs = 0
    term_start = today - timedelta(days=60)
    for index, learner in enumerate(learners[:45]):
        asset = lendable[index]
        lent_on = term_start - timedelta(days=rng.randrange(0, 200)) if index % 5 == 0 else term_start
        due_on = lent_on + timedelta(days=40 if index % 7 == 0 else 300)  # every seventh is overdue
        agreement = None if index % 15 == 1 else _agreement(learner, lent_on, rng)
        loan = loan_to_learner(asset=asset, learner=learner, lent_on=lent_on, due_on=due_on,
                               hire_fee_pence=0 if index % 3 else 3000, agreement=agreement, by=admin)  # fmt: skip
        loans += 1
        if agreement is not None and index % 9 == 4:  # returned already: the asset's and learner's history show it
            loan_return(loan=loan, returned_on=lent_on + timedelta(days=30), condition=Condition.GOOD, by=admin)
        if index == 16:  # a reservation whose agreement came back by email later
            loan_agreement_accept(loan=loan, agreement=_agreement(learner, lent_on, rng), by=admin)
    school = School.objects.in_hub_area(hub).open().order_by("name").first()
    if school is not None:
        for ukulele in [asset for asset in assets if asset.instrument and asset.instrument.name == "Ukulele"][:15]:
            loan_to_school(asset=ukulele, school=school, lent_on=term_start, due_on=term_start + timedelta(days=120),
                           contact_email="music.lead@school.example", by=admin)  # fmt: skip
            loans += 1
    for position, asset in enumerate(lendable[50:55]):
        sent_on = today - timedelta(days=40 - position)
        repair = repair_start(
            asset=asset,
            sent_on=sent_on,
            supplier=rng.choice(["Bows & Bridges Ltd", "Brass Doctor"]),
            fault=rng.choice(["Stuck valve", "Cracked bridge", "Split reed joint"]),
            by=admin,
        )
        repairs += 1
        if position < 4:
            outcome = Repair.Outcome.BEYOND_REPAIR if position == 3 else Repair.Outcome.REPAIRED
            repair_finish(repair=repair, returned_on=sent_on + timedelta(days=14), outcome=outcome,
                          cost_pence=rng.choice([2500, 4000, 6500]), condition=Condition.GOOD, by=admin)  # fmt: skip
    return loans, repairs


def load_instruments(*, today: date) -> InstrumentCounts | None:
    """Load Hertfordshire's demo store once; None (adding nothing) when it was loaded before."""
    hub = HubArea.objects.filter(slug=HUB_SLUG).first()
    admin = User.objects.filter(email=f"admin@{HUB_SLUG}.example").first()
    if hub is None or admin is None:
        raise CommandError("No Hertfordshire demo hub or administrator: run load_demo_accounts first.")
    if not StaffMember.objects.for_hub(hub).exists():
        raise CommandError("No demo teaching in Hertfordshire: run load_demo_teaching first.")

    def load() -> InstrumentCounts:
        rng, counts = random.Random(SEED), InstrumentCounts()  # noqa: S311 - invented demo data, the same every run
        assets = _assets(_Store(hub, admin, rng), counts)
        counts.loans, counts.repairs = _loans(hub, admin, assets, today, rng)
        return counts

    return load_once(part="instruments", hub_slug=hub.slug, load=load)
