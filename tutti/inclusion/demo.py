"""The demo hub's remission: last year's and this year's schemes, and invented applications in every state.

Loaded through the services (so the budget, waiting list and renewals behave as they do for real), once
per hub (tutti.core.demo.load_once). The evidence files are drawn here: a PNG "letter" and a blank PDF.
"""

import io
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import CommandError
from PIL import Image, ImageDraw

from tutti.accounts.models import User
from tutti.core.demo import load_once
from tutti.inclusion.models import Criterion, RemissionApplication, RemissionScheme
from tutti.inclusion.services.applications import application_submit, renewals_carry
from tutti.inclusion.services.decisions import application_approve, application_refuse, application_request_information
from tutti.inclusion.services.schemes import rule_set, scheme_create, scheme_update
from tutti.learners.models import Answer, Learner, LookedAfter
from tutti.network.models import HubArea
from tutti.programmes.models import Activity, Enrolment

DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
C = Criterion
RULES: list[tuple[Criterion, str, int | None, int | None]] = [
    (C.FREE_SCHOOL_MEALS, "", 100, None),
    (C.PUPIL_PREMIUM, "", 100, None),
    (C.LOOKED_AFTER, "", 100, None),
    (C.PREVIOUSLY_LOOKED_AFTER, "", 100, None),
    (C.EHC_PLAN, "", 50, None),
    (C.LOW_INCOME, "", 75, None),
    (C.MEANS_TESTED_BENEFIT, "", 75, None),
    (C.SIBLING, Activity.Kind.SMALL_GROUP, None, 1_000),
    (C.SIBLING, Activity.Kind.INDIVIDUAL, None, 500),
]


@dataclass
class DemoRemission:
    schemes: int = 0
    applications: int = 0

    def __str__(self) -> str:
        return f"{self.schemes} remission schemes and {self.applications} applications"


def letter_png() -> SimpleUploadedFile:
    """A phone photo of a letter, as the demo invents it."""
    image = Image.new("RGB", (420, 300), "white")
    draw = ImageDraw.Draw(image)
    draw.text((20, 20), "Invented demo letter: eligible for free school meals", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return SimpleUploadedFile("free-school-meals-letter.png", buffer.getvalue(), content_type="image/png")


def benefit_pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("universal-credit-statement.pdf", DEMO_PDF, content_type="application/pdf")


def _paying_learners(hub: HubArea, year: int) -> list[Learner]:
    """The hub's learners with a place in a paid activity this year, in reference order."""
    paying = Enrolment.objects.for_hub(hub).filter(
        status__in=Enrolment.HOLDING_PLACE, activity__calendar__academic_year=year
    )
    paying = paying.exclude(activity__fee_basis=Activity.FeeBasis.FREE)
    return list(Learner.objects.for_hub(hub).filter(pk__in=paying.values("learner_id")).order_by("reference"))


def _scheme(hub: HubArea, year: int, by: User) -> RemissionScheme:
    scheme = scheme_create(hub=hub, year=year, budget_pence=0, income_threshold_pence=2_500_000, by=by)
    for criterion, kind, percent, amount in RULES:
        rule_set(scheme=scheme, criterion=criterion, activity_kind=kind, percent=percent, amount_pence=amount, by=by)
    return scheme


def _apply(
    scheme: RemissionScheme,
    learner: Learner,
    by: User,
    criteria: list[Criterion],
    *,
    channel: RemissionApplication.Channel = RemissionApplication.Channel.PAPER,
    evidence: list[SimpleUploadedFile] | None = None,
    family_note: str = "",
) -> RemissionApplication:
    guardian = learner.guardians.first()
    return application_submit(
        scheme=scheme,
        learner=learner,
        criteria=criteria,
        applicant_name=guardian.name if guardian else "A guardian",
        channel=channel,
        evidence=evidence or [],
        family_note=family_note,
        by=by,
    )


def _criteria(learner: Learner) -> list[Criterion]:
    if learner.looked_after == LookedAfter.LOOKED_AFTER:
        return [C.LOOKED_AFTER]
    return [C.FREE_SCHOOL_MEALS] if learner.disadvantaged == Answer.YES else [C.MEANS_TESTED_BENEFIT]


def _load(hub: HubArea, by: User, year: int) -> DemoRemission:
    learners = _paying_learners(hub, year)
    if len(learners) < 10:
        raise CommandError(f"{hub.name} has too few learners in paid activities: run load_demo_teaching first.")
    # Last year: one looked-after child approved, so this year's scheme has a renewal to confirm.
    last_year = _scheme(hub, year - 1, by)
    scheme_update(scheme=last_year, budget_pence=500_000, income_threshold_pence=2_500_000, by=by)
    cared_for = _apply(last_year, learners[0], by, [C.LOOKED_AFTER])
    application_approve(application=cared_for, by=by)

    scheme = _scheme(hub, year, by)
    # With no budget yet every approval waits; the budget then covers the first three, in order.
    approved = [_apply(scheme, learner, by, _criteria(learner), evidence=[letter_png()]) for learner in learners[1:6]]
    for application in approved:
        application_approve(application=application, by=by)
    first_three = RemissionApplication.objects.filter(pk__in=[application.pk for application in approved[:3]])
    covered = sum(first_three.values_list("committed_pence", flat=True))
    scheme_update(scheme=scheme, budget_pence=covered + 5_000, income_threshold_pence=2_500_000, by=by)

    _apply(scheme, learners[6], by, [C.FREE_SCHOOL_MEALS], evidence=[letter_png()])
    _apply(
        scheme,
        learners[7],
        by,
        [C.MEANS_TESTED_BENEFIT],
        evidence=[benefit_pdf()],
        channel=RemissionApplication.Channel.EMAIL,
    )
    asked = _apply(scheme, learners[8], by, [C.LOW_INCOME], family_note="We are both on zero-hours contracts.")
    application_request_information(
        application=asked, by=by, asked="Please send a payslip or tax credit award notice from the last three months."
    )
    refused = _apply(scheme, learners[9], by, [C.SIBLING])
    application_refuse(
        application=refused, by=by, reason="The sibling discount needs a brother or sister in lessons this year."
    )
    renewals = renewals_carry(scheme=scheme, by=by)
    return DemoRemission(schemes=2, applications=1 + len(approved) + 4 + renewals)


def load_hub(*, hub_slug: str, today_year: int) -> DemoRemission | None:
    """Load the hub's demo remission once; None when it was loaded before."""
    hub = HubArea.objects.filter(slug=hub_slug).first()
    if hub is None:
        raise CommandError(f"No hub '{hub_slug}': run load_network_seed and load_demo_accounts first.")
    by = User.objects.filter(email=f"inclusion@{hub_slug}.example").first()
    if by is None:
        raise CommandError(f"No inclusion lead for {hub.name}: run load_demo_accounts first.")
    return load_once(part="inclusion", hub_slug=hub_slug, load=lambda: _load(hub, by, today_year))
