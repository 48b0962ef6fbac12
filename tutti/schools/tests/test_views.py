"""The hub's school pages, exports, API and the survey link, as a hub's staff and a school use them."""

import codecs
import csv
import datetime
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tutti.accounts.models import User
from tutti.accounts.testing import sign_in
from tutti.network.models import HubArea, LocalAuthority
from tutti.schools.models import EngagementChange, School, SchoolEngagement, SurveyLink
from tutti.schools.selectors import current_year
from tutti.schools.services import survey_link_create
from tutti.schools.tests.factories import SchoolEngagementFactory, SchoolFactory


@pytest.fixture
def schools(trafford: LocalAuthority, birmingham: LocalAuthority) -> dict[str, School]:
    return {
        "navigation": SchoolFactory.create(urn=106283, name="Navigation Primary School", local_authority=trafford),
        "stretford": SchoolFactory.create(
            urn=106367, name="Stretford High School", local_authority=trafford, phase=School.Phase.SECONDARY
        ),
        "closed": SchoolFactory.create(name="Old Closed School", local_authority=trafford, status=School.Status.CLOSED),
        "birmingham": SchoolFactory.create(name="Birmingham School", local_authority=birmingham),
    }


def admin_client(user: User) -> Client:
    return sign_in(Client(), user)


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return len(context)


def test_the_list_shows_the_hubs_open_schools_with_engagement(hub_a_admin: User, schools: dict[str, School]) -> None:
    SchoolEngagementFactory.create(school=schools["navigation"])
    client = admin_client(hub_a_admin)
    page = client.get(reverse("schools:list")).content.decode()
    assert "Navigation Primary School" in page
    assert "Stretford High School" in page
    assert "Old Closed School" not in page
    assert "Birmingham School" not in page
    assert "2 schools" in page


def test_the_list_costs_the_same_queries_for_many_schools(
    hub_a_admin: User, schools: dict[str, School], trafford: LocalAuthority
) -> None:
    client = admin_client(hub_a_admin)
    client.get(reverse("schools:list"))  # the first request of a session also records the session
    few = queries_for(client, reverse("schools:list"))
    for _ in range(15):
        SchoolEngagementFactory.create(school=SchoolFactory.create(local_authority=trafford))
    assert queries_for(client, reverse("schools:list")) == few


def test_the_list_filters_and_the_export_uses_the_same_filters(hub_a_admin: User, schools: dict[str, School]) -> None:
    SchoolEngagementFactory.create(school=schools["navigation"])
    client = admin_client(hub_a_admin)

    page = client.get(reverse("schools:list"), {"engaged": "no"}).content.decode()
    assert "Stretford High School" in page
    assert "Navigation Primary School" not in page

    download = client.get(reverse("schools:list_csv"), {"engaged": "yes"})
    assert download.content.startswith(codecs.BOM_UTF8)  # so Excel on Windows reads it as UTF-8
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["Navigation Primary School"]
    assert rows[1][-2:] == ["yes", "In progress"]

    xlsx = client.get(reverse("schools:list_xlsx"), {"phase": "secondary"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_api_lists_the_hubs_schools_through_the_same_filters(hub_a_admin: User, schools: dict[str, School]) -> None:
    client = admin_client(hub_a_admin)
    data = client.get(reverse("schools:api_school_list"), {"phase": "secondary"}).json()
    assert [school["urn"] for school in data["results"]] == [106367]
    assert data["results"][0]["engaged"] is False


def test_a_school_outside_the_area_is_not_found(hub_a_admin: User, schools: dict[str, School]) -> None:
    client = admin_client(hub_a_admin)
    assert client.get(reverse("schools:detail", args=[schools["birmingham"].urn])).status_code == 404


def test_recording_engagement_keeps_what_was_typed_on_error_then_saves_and_logs(
    hub_a_admin: User, schools: dict[str, School]
) -> None:
    client = admin_client(hub_a_admin)
    url = reverse("schools:engagement_edit", args=[schools["navigation"].urn, current_year()])
    answers = {
        "plan_status": "published",
        "lead_name": "Ada Lovelace",
        "services": ["wcet", "lessons"],
        "agreement_value": "4,500",
        "choir": "on",
    }

    response = client.post(url, answers)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_plan_summary_url">Enter the link to the published summary' in page
    assert 'value="Ada Lovelace"' in page
    assert 'value="4,500"' in page

    response = client.post(url, {**answers, "plan_summary_url": "https://navigation.example/music"})
    assert response.status_code == 302
    engagement = SchoolEngagement.objects.get(school=schools["navigation"])
    assert engagement.agreement_value_pence == 450_000
    assert engagement.services == ["lessons", "wcet"]
    assert engagement.choir
    assert not engagement.curriculum_hour
    change = EngagementChange.objects.get()
    assert (change.source, change.actor) == ("staff", hub_a_admin)

    client.post(url, {**answers, "plan_summary_url": "https://navigation.example/music"})
    assert EngagementChange.objects.count() == 1  # saving the same answers again changes nothing


def test_staff_who_only_read_see_no_edit_button(hub_a_tutor: User, schools: dict[str, School]) -> None:
    page = admin_client(hub_a_tutor).get(reverse("schools:detail", args=[schools["navigation"].urn])).content.decode()
    assert "Record engagement" not in page
    assert "Make a survey link" not in page


def test_a_survey_link_is_shown_once_and_a_school_answers_without_an_account(
    hub_a_admin: User, schools: dict[str, School]
) -> None:
    client = admin_client(hub_a_admin)
    school = schools["navigation"]
    client.post(reverse("schools:survey_link_create", args=[school.urn]))
    page = client.get(reverse("schools:detail", args=[school.urn])).content.decode()
    url = page.split('<code class="tutti-copy-text">')[1].split("</code>")[0]
    assert "Copy it now" not in client.get(reverse("schools:detail", args=[school.urn])).content.decode()
    path = url.removeprefix("http://testserver")
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert token not in SurveyLink.objects.get().token_digest

    school_client = Client()
    assert school_client.get(path).status_code == 200
    response = school_client.post(
        path, {"plan_status": "in_progress", "curriculum_hour": "on", "live_music": "on", "services": ["ensembles"]}
    )
    assert response.status_code == 302
    page = school_client.get(path).content.decode()
    assert "Thank you" in page
    engagement = SchoolEngagement.objects.get(school=school, academic_year=current_year())
    assert (engagement.plan_status, engagement.curriculum_hour, engagement.services) == (
        "in_progress",
        True,
        ["ensembles"],
    )
    assert EngagementChange.objects.get().source == "survey"

    replies = client.get(reverse("schools:survey_replies")).content.decode()
    assert "1 of 2 open state-funded schools have replied" in replies


def test_an_unknown_or_expired_survey_link_says_so(
    hub_a_admin: User, schools: dict[str, School], hub_a: HubArea
) -> None:
    assert Client().get(reverse("school_survey:form", args=["not-a-token"])).status_code == 404
    old = survey_link_create(
        hub=hub_a,
        school=schools["navigation"],
        academic_year=current_year(),
        by=hub_a_admin,
        now=timezone.now() - datetime.timedelta(days=31),
    )
    response = Client().get(reverse("school_survey:form", args=[old.token]))
    assert response.status_code == 410
    assert "This survey link has expired" in response.content.decode()


def test_a_new_link_ends_the_schools_earlier_one(hub_a_admin: User, schools: dict[str, School], hub_a: HubArea) -> None:
    school = schools["navigation"]
    first = survey_link_create(hub=hub_a, school=school, academic_year=current_year(), by=hub_a_admin)
    survey_link_create(hub=hub_a, school=school, academic_year=current_year(), by=hub_a_admin)
    assert Client().get(reverse("school_survey:form", args=[first.token])).status_code == 410


def test_interactions_with_a_school_are_logged_on_its_engagement_and_shown_on_its_page(
    hub_a_admin: User, schools: dict[str, School]
) -> None:
    school = schools["navigation"]
    engagement = SchoolEngagementFactory.create(school=school)
    client = admin_client(hub_a_admin)
    url = reverse("partners:interaction_new", args=["schools.schoolengagement", engagement.public_id])

    response = client.post(
        url,
        {"kind": "visit", "occurred_on": timezone.localdate().isoformat(), "notes": "Met the music lead about WCET"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("schools:detail", args=[school.urn])
    page = client.get(response["Location"]).content.decode()
    assert "Met the music lead about WCET" in page


def test_another_hub_cannot_log_an_interaction_on_this_hubs_engagement(
    hub_b_admin: User, schools: dict[str, School]
) -> None:
    engagement = SchoolEngagementFactory.create(school=schools["navigation"])
    url = reverse("partners:interaction_new", args=["schools.schoolengagement", engagement.public_id])
    assert admin_client(hub_b_admin).get(url).status_code == 404
