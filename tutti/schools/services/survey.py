"""The annual school survey: a private link per school, and the school's answers landing on its record."""

import datetime
import secrets
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from tutti.accounts.models import User
from tutti.network.models import HubArea
from tutti.schools.models import EngagementChange, School, SchoolEngagement, SurveyLink
from tutti.schools.services.engagement import engagement_record
from tutti.schools.survey_tokens import token_digest

SURVEY_LINK_LIFETIME = datetime.timedelta(days=30)


@dataclass(frozen=True)
class NewSurveyLink:
    """A link just made: its record, and the token, which exists only here and in the link sent to the school."""

    link: SurveyLink
    token: str


@transaction.atomic
def survey_link_create(
    *, hub: HubArea, school: School, academic_year: int, by: User, now: datetime.datetime | None = None
) -> NewSurveyLink:
    """Make a private survey link for one school and year, valid for 30 days (256 random bits).

    A new link ends the school's earlier links for the year, so only the last one sent works.
    """
    now = now or timezone.now()
    SurveyLink.objects.for_hub(hub).in_year(academic_year).filter(school=school, expires_at__gt=now).update(
        expires_at=now
    )
    token = secrets.token_urlsafe(32)
    link = SurveyLink.objects.create(
        hub=hub,
        school=school,
        academic_year=academic_year,
        token_digest=token_digest(token),
        created_by=by,
        expires_at=now + SURVEY_LINK_LIFETIME,
    )
    return NewSurveyLink(link=link, token=token)


@transaction.atomic
def survey_answer(
    *, link: SurveyLink, values: dict[str, Any], now: datetime.datetime | None = None
) -> SchoolEngagement:
    """Put the school's answers on the hub's engagement record for the link's year, and mark the link replied.

    The caller has checked the link has not expired; the change is logged as the school survey's.
    """
    engagement = engagement_record(
        hub=link.hub,
        school=link.school,
        academic_year=link.academic_year,
        values=values,
        source=EngagementChange.Source.SURVEY,
        actor=None,
    )
    link.replied_at = now or timezone.now()
    link.save(update_fields=["replied_at"])
    return engagement
