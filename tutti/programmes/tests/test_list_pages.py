"""The activities, enrolments and workforce lists as a manager uses them: filters, pages, links, empty states."""

import codecs

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.testing import sign_in
from tutti.core.testing.lists import assert_filter_controls, links
from tutti.network.models import HubArea
from tutti.programmes.models import Activity, Enrolment, TermCalendar
from tutti.programmes.services.enrolments import enrolment_enrol
from tutti.programmes.tests.factories import ActivityFactory, StaffMemberFactory, learner

ACTIVITIES = reverse("programmes:activities")
ENROLMENTS = reverse("programmes:enrolments")
STAFF = reverse("programmes:staff")


def _enrol(activity: Activity, count: int, by: User) -> list[Enrolment]:
    return [enrolment_enrol(activity=activity, learner=learner(activity.hub), by=by) for _ in range(count)]


def test_activity_filters_are_selects_with_plain_first_choices_and_the_hubs_years(
    hub_a: HubArea, hub_a_manager: User, hub_a_calendar: TermCalendar
) -> None:
    page = sign_in(Client(), hub_a_manager).get(ACTIVITIES).content.decode()

    assert_filter_controls(
        page,
        selects={"kind": "All kinds", "level": "Any level", "year": "Any year", "sort": "Name"},
        text=("q",),
    )
    assert "2025/26" in page


def test_enrolment_filters_are_selects_with_plain_first_choices(hub_a: HubArea, hub_a_manager: User) -> None:
    page = sign_in(Client(), hub_a_manager).get(ENROLMENTS).content.decode()

    assert_filter_controls(page, selects={"status": "Any status", "kind": "All kinds", "sort": "Activity"}, text=("q",))


def test_the_activity_year_filter_narrows_to_that_years_calendar(
    hub_a: HubArea, hub_a_manager: User, hub_a_calendar: TermCalendar
) -> None:
    ActivityFactory.create(hub=hub_a, calendar=hub_a_calendar, name="This year's strings")
    ActivityFactory.create(hub=hub_a, calendar__academic_year=2024, name="Last year's brass")

    page = sign_in(Client(), hub_a_manager).get(ACTIVITIES, {"year": "2025"}).content.decode()

    assert "This year&#x27;s strings" in page
    assert "Last year&#x27;s brass" not in page


def test_enrolments_page_by_fifty_keep_the_filter_and_link_to_learner_and_activity(
    hub_a: HubArea, hub_a_manager: User
) -> None:
    activity = ActivityFactory.create(hub=hub_a, name="Area youth choir", capacity=60)
    enrolments = _enrol(activity, 55, hub_a_manager)
    client = sign_in(Client(), hub_a_manager)

    first = client.get(ENROLMENTS, {"status": "active"}).content.decode()
    assert "55 enrolments" in first
    assert "Showing 1 to 50 of 55 enrolments" in first
    assert links(first)["Next page"] == "?status=active&page=2"
    second = client.get(ENROLMENTS, {"status": "active", "page": "2"}).content.decode()
    assert "Showing 51 to 55 of 55 enrolments" in second

    one = enrolments[0]
    on_page = links(first)
    assert on_page[one.learner.full_name] == reverse("learners:learner_detail", args=[one.learner.public_id])
    assert on_page["Area youth choir"] == reverse("programmes:activity", args=[activity.public_id])


def test_the_enrolment_list_reads_the_same_number_of_queries_for_one_or_many_rows(
    hub_a: HubArea, hub_a_manager: User
) -> None:
    activity = ActivityFactory.create(hub=hub_a, capacity=60)
    _enrol(activity, 1, hub_a_manager)
    client = sign_in(Client(), hub_a_manager)
    client.get(ENROLMENTS)  # sessions and caches warmed

    with CaptureQueriesContext(connection) as one:
        client.get(ENROLMENTS)
    _enrol(activity, 54, hub_a_manager)
    with CaptureQueriesContext(connection) as many:
        client.get(ENROLMENTS)

    assert len(many.captured_queries) == len(one.captured_queries)


def test_the_workforce_list_pages_by_fifty_in_a_fixed_number_of_queries(hub_a: HubArea, hub_a_manager: User) -> None:
    StaffMemberFactory.create(hub=hub_a)
    client = sign_in(Client(), hub_a_manager)
    client.get(STAFF)

    with CaptureQueriesContext(connection) as one:
        client.get(STAFF)
    StaffMemberFactory.create_batch(54, hub=hub_a)
    with CaptureQueriesContext(connection) as many:
        page = client.get(STAFF).content.decode()

    assert len(many.captured_queries) == len(one.captured_queries)
    assert "Showing 1 to 50 of 55 staff records" in page


def test_empty_lists_say_there_is_nothing_yet_and_where_to_start(hub_a: HubArea, hub_a_manager: User) -> None:
    client = sign_in(Client(), hub_a_manager)

    activities = client.get(ACTIVITIES).content.decode()
    enrolments = client.get(ENROLMENTS).content.decode()
    filtered = client.get(ENROLMENTS, {"status": "waiting"}).content.decode()

    assert "No activities yet" in activities
    assert links(activities)["add the first"] == reverse("programmes:activity_create")
    assert "No enrolments yet" in enrolments
    assert "No enrolments match these filters" in filtered
    assert links(filtered)["Clear the filters"] == ENROLMENTS


def test_the_activity_page_links_each_enrolled_learner_to_their_page(hub_a: HubArea, hub_a_manager: User) -> None:
    activity = ActivityFactory.create(hub=hub_a, capacity=1)
    placed, waiting = _enrol(activity, 2, hub_a_manager)

    page = sign_in(Client(), hub_a_manager).get(reverse("programmes:activity", args=[activity.public_id]))
    found = links(page.content.decode())

    for enrolment in (placed, waiting):
        assert found[enrolment.learner.full_name] == reverse(
            "learners:learner_detail", args=[enrolment.learner.public_id]
        )


def test_the_enrolments_export_is_audited_in_plain_words_and_opens_in_excel(
    hub_a: HubArea, hub_a_manager: User
) -> None:
    _enrol(ActivityFactory.create(hub=hub_a, name="Ceilidh band"), 1, hub_a_manager)

    download = sign_in(Client(), hub_a_manager).get(ENROLMENTS, {"export": "csv"}).content

    assert download.startswith(codecs.BOM_UTF8)
    assert "Ceilidh band" in download.decode("utf-8-sig")
    event = AuditEvent.objects.for_hub(hub_a).get(action=AuditEvent.Action.LEARNERS_EXPORTED)
    assert event.detail == "Enrolments as CSV"
