"""The Hertfordshire demo hub's invented 2024/25 finances, loaded through the services, once."""

import datetime

from django.core.management.base import CommandError

from tutti.accounts.models import User
from tutti.finance import services
from tutti.finance.models import Grant, IncomeSource
from tutti.network.models import HubArea, StrategicFunction

YEAR = 2024
HUB_SLUG = "hertfordshire"
RECORDER = "finance@hertfordshire.example"
# (function slug, budget line, code, budget in pounds, spent by the year's end in pounds): invented figures.
BUDGET = [
    ("partnerships", "Partnership co-ordination", "P100", 85_000, 81_250),
    ("schools", "Whole-class ensemble teaching", "S100", 720_000, 731_400),
    ("schools", "School music leads' CPD", "S200", 40_000, 36_900),
    ("progression", "Music centres and ensembles", "G100", 310_000, 298_750),
    ("inclusion", "Bursaries and remission", "I100", 120_000, 117_300),
    ("inclusion", "Adaptive instruments (capital)", "I200", 180_000, 171_960),
    ("sustainability", "Workforce training", "U100", 45_000, 44_120),
    ("sustainability", "Instruments and technology (capital)", "U200", 369_518, 352_000),
]
INCOME = [
    (IncomeSource.LOCAL_AUTHORITY, "Hertfordshire County Council contribution", 150_000),
    (IncomeSource.SCHOOLS, "Schools' service level agreements", 412_500),
    (IncomeSource.PARENTAL, "Lesson and ensemble fees", 386_250),
    (IncomeSource.DONATIONS, "Concert sponsorship (invented sponsor)", 18_000),
    (IncomeSource.OTHER, "Instrument hire and room lets", 27_400),
]


def load_finance(hub: HubArea) -> int:
    """Record the year's grants, payments, budget, income and spending; returns the number of lines added."""
    by = User.objects.filter(email=RECORDER).first()
    if by is None:
        raise CommandError(f"Run load_demo_accounts first: the demo's finance officer {RECORDER} is missing.")
    added = 0
    # ACE pays the revenue grant in two halves and the capital grant in one (the real 2024/25 allocations).
    payments = {
        Grant.Kind.DFE_REVENUE: [(datetime.date(2024, 9, 30), 83_642_700), (datetime.date(2025, 3, 31), 83_642_700)],
        Grant.Kind.DFE_CAPITAL: [(datetime.date(2024, 10, 31), 54_951_800)],
    }
    for kind, instalments in payments.items():
        grant = services.grant_create(hub=hub, kind=kind, academic_year=YEAR, by=by)
        for received_on, pence in instalments:
            services.grant_payment_record(grant=grant, received_on=received_on, amount_pence=pence, by=by)
            added += 1
    other = services.grant_create(
        hub=hub, kind=Grant.Kind.OTHER, academic_year=YEAR, by=by, name="Inclusive ensembles fund (invented)",
        funder="Youth Music", amount_pence=60_000_00, starts_on=datetime.date(2024, 9, 1),
        ends_on=datetime.date(2026, 3, 31), restricted=True,
        conditions="For ensembles adapted for children with SEND; an interim and a final report.",
    )  # fmt: skip
    services.grant_deadline_add(grant=other, due_on=datetime.date(2025, 4, 30), report="Interim report", by=by)
    services.grant_deadline_add(grant=other, due_on=datetime.date(2026, 5, 31), report="Final report", by=by)
    services.grant_payment_record(grant=other, received_on=datetime.date(2024, 10, 15), amount_pence=30_000_00, by=by)
    functions = {function.slug: function for function in StrategicFunction.objects.all()}
    for slug, name, code, budget, spent in BUDGET:
        line = services.budget_line_save(hub=hub, academic_year=YEAR, function=functions[slug], name=name, code=code,
                                         amount_pence=budget * 100, by=by)  # fmt: skip
        for quarter, month in enumerate((11, 2, 5, 8)):
            services.spending_record(hub=hub, budget_line=line, booked_on=datetime.date(2024 if month > 8 else 2025,
                                     month, 28), amount_pence=spent * 25, description=f"{name}, quarter {quarter + 1}",
                                     reference=f"PI-{code}-{quarter + 1}", by=by)  # fmt: skip
            added += 1
    for number, (source, description, pounds) in enumerate(INCOME, start=1):
        services.income_record(hub=hub, source=source, booked_on=datetime.date(2025, 1, 15), amount_pence=pounds * 100,
                               description=description, reference=f"SI-{number:04d}", by=by)  # fmt: skip
        added += 1
    return added + 1
