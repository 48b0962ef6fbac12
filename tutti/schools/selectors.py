"""Reads of the Schools function: a hub's schools with this year's engagement, one school's record, replies.

The list page, its CSV and XLSX exports and the API all start from ``hub_schools`` and filter it with
``SchoolFilterSet``, so the three never disagree. Coverage figures are in ``tutti.schools.coverage``.
"""

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from tutti.core import academic_year
from tutti.network.models import HubArea, LocalAuthority
from tutti.schools.models import School, SchoolEngagement, SchoolQuerySet, SurveyLink
from tutti.schools.survey_tokens import token_digest
from tutti.schools.teaching import taught_annotation


def current_year() -> int:
    return academic_year.containing(timezone.localdate())


def with_engagement(schools: SchoolQuerySet, *, hub: HubArea | None, year: int) -> SchoolQuerySet:
    """Annotate each school with the hub's engagement in the year: ``recorded`` (an engagement record exists),
    ``taught`` (the hub's teaching ran there, see tutti.schools.teaching) and ``engaged`` (either). Read from
    the records at query time, so the figure cannot drift from them."""
    recorded = SchoolEngagement.objects.for_hub(hub).in_year(year).filter(school=OuterRef("pk"))
    return schools.annotate(recorded=Exists(recorded), taught=taught_annotation(hub=hub, year=year)).annotate(
        engaged=ExpressionWrapper(Q(recorded=True) | Q(taught=True), output_field=BooleanField())
    )


def hub_schools(*, hub: HubArea | None, year: int) -> SchoolQuerySet:
    """The schools in the hub's local authorities with the hub's engagement in the year (``with_engagement``)
    and ``plan_status`` (blank when there is no record). Subqueries, no join fan-out, so a page of schools
    is one query."""
    engagements = SchoolEngagement.objects.for_hub(hub).in_year(year).filter(school=OuterRef("pk"))
    schools = School.objects.in_hub_area(hub).select_related("local_authority")
    return with_engagement(schools, hub=hub, year=year).annotate(
        plan_status=Subquery(engagements.values("plan_status")[:1])
    )


def taught_at(*, hub: HubArea | None, school: School, year: int) -> bool:
    """The hub's teaching ran at the school in the year (tutti.schools.teaching), whatever it recorded."""
    schools = School.objects.filter(pk=school.pk).annotate(taught=taught_annotation(hub=hub, year=year))
    return schools.filter(taught=True).exists()


def hub_local_authorities(hub: HubArea | None) -> QuerySet[LocalAuthority]:
    if hub is None:
        return LocalAuthority.objects.none()
    return LocalAuthority.objects.filter(hub_area=hub).defer("boundary_svg").order_by("name")


def engagements_of_school(*, hub: HubArea | None, school: School) -> QuerySet[SchoolEngagement]:
    """This hub's engagement records for the school, newest year first (another hub's never appear)."""
    return SchoolEngagement.objects.for_hub(hub).filter(school=school).order_by("-academic_year")


def engagement_for(*, hub: HubArea | None, school: School, year: int) -> SchoolEngagement | None:
    return SchoolEngagement.objects.for_hub(hub).filter(school=school, academic_year=year).first()


def survey_links_for_year(*, hub: HubArea | None, year: int) -> QuerySet[SurveyLink]:
    """The hub's survey links for the year with their schools, latest first: who has and hasn't replied."""
    return (
        SurveyLink.objects.for_hub(hub).in_year(year).select_related("school").order_by("school__name", "-created_at")
    )


def survey_link_by_token(token: str) -> SurveyLink | None:
    """The link a token opens (expired or not), with its school and hub; None for a token never issued."""
    return SurveyLink.objects.select_related("school", "hub").filter(token_digest=token_digest(token)).first()


def survey_replies(*, hub: HubArea | None, year: int) -> list[tuple[School, SurveyLink | None]]:
    """Every open state-funded school of the hub's area with its latest survey link of the year (None: no link)."""
    latest: dict[int, SurveyLink] = {}
    for link in SurveyLink.objects.for_hub(hub).in_year(year).order_by("created_at"):
        latest[link.school_id] = link
    schools = School.objects.in_hub_area(hub).open().state_funded().select_related("local_authority")
    return [(school, latest.get(school.pk)) for school in schools]
