"""The learners list as hub staff use it: filter controls, fifty a page keeping the filters, empty states."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tutti.accounts.models import User
from tutti.accounts.testing import sign_in
from tutti.core.testing.lists import assert_filter_controls, links
from tutti.learners.tests.factories import LearnerFactory
from tutti.network.models import HubArea

LIST = reverse("learners:learner_list")


def test_every_filter_is_the_right_control_with_a_plain_first_choice(hub_a: HubArea, hub_a_admin: User) -> None:
    page = sign_in(Client(), hub_a_admin).get(LIST).content.decode()

    assert_filter_controls(
        page,
        selects={"school": "All schools", "year_group": "All years", "send": "Any", "sort": "Last name"},
        text=("q",),
    )


def test_learners_show_fifty_a_page_and_the_next_page_keeps_the_filter_and_sort(
    hub_a: HubArea, hub_a_admin: User
) -> None:
    for number in range(52):
        LearnerFactory.create(hub=hub_a, first_name=f"Pip{number:02}", last_name="Quaver", year_group=5)
    LearnerFactory.create(hub=hub_a, first_name="Odd", last_name="Oneout", year_group=2)
    client = sign_in(Client(), hub_a_admin)

    first = client.get(LIST, {"year_group": "5", "sort": "-first_name"}).content.decode()
    assert "52 learners" in first
    assert "Showing 1 to 50 of 52 learners" in first
    assert links(first)["Next page"] == "?year_group=5&sort=-first_name&page=2"

    second = client.get(LIST + links(first)["Next page"]).content.decode()
    assert "Showing 51 to 52 of 52 learners" in second
    assert "Pip00" in second
    assert "Oneout" not in second


def test_the_learner_list_reads_the_same_number_of_queries_for_one_page_or_many(
    hub_a: HubArea, hub_a_admin: User
) -> None:
    LearnerFactory.create(hub=hub_a)
    client = sign_in(Client(), hub_a_admin)
    client.get(LIST)

    with CaptureQueriesContext(connection) as one:
        client.get(LIST)
    LearnerFactory.create_batch(60, hub=hub_a)
    with CaptureQueriesContext(connection) as many:
        client.get(LIST)

    assert len(many.captured_queries) == len(one.captured_queries)


def test_an_empty_list_says_none_yet_or_none_matching(hub_a: HubArea, hub_a_admin: User) -> None:
    client = sign_in(Client(), hub_a_admin)

    empty = client.get(LIST).content.decode()
    assert "No learners yet" in empty
    assert links(empty)["add the first"] == reverse("learners:learner_new")

    LearnerFactory.create(hub=hub_a, year_group=3)
    filtered = client.get(LIST, {"year_group": "9"}).content.decode()
    assert "No learners match these filters" in filtered


def test_a_learners_reference_and_name_link_to_the_learner(hub_a: HubArea, hub_a_admin: User) -> None:
    learner = LearnerFactory.create(hub=hub_a, first_name="Wilhelmina", last_name="Crotchet")

    found = links(sign_in(Client(), hub_a_admin).get(LIST).content.decode())

    page = reverse("learners:learner_detail", args=[learner.public_id])
    assert found[learner.reference] == page
    assert found["Wilhelmina"] == page
    assert found["Crotchet"] == page
