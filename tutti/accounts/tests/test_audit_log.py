"""The audit log as an administrator reads it: plain words, search and filters, pages, and the team's links."""

import datetime

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tutti.accounts.audit_log import RECORD_KINDS, RECORD_OF_ACTION, record_kind
from tutti.accounts.models import AuditEvent, Role, User
from tutti.accounts.testing import person, sign_in
from tutti.core.testing.lists import assert_filter_controls, form_controls, links
from tutti.network.models import HubArea

LOG = reverse("accounts:audit_log")
Action = AuditEvent.Action


def _event(hub: HubArea, action: Action, *, by: User | None = None, detail: str = "", days_ago: int = 0) -> None:
    """An entry in the hub's log, written as the services write it, ``days_ago`` days back."""
    when = timezone.now() - datetime.timedelta(days=days_ago)
    AuditEvent.objects.create(hub=hub, actor=by, action=action, detail=detail, occurred_at=when)


def test_every_action_has_plain_words_and_a_kind_of_record() -> None:
    for action in Action:
        assert action.label != action.value, f"{action.value} has no words of its own"
        assert "_" not in action.label, f"{action.value} is shown as {action.label!r}"
        assert action in RECORD_OF_ACTION, f"{action.value} belongs to no kind of record in the audit log"
        assert record_kind(action) in RECORD_KINDS.values()


def test_the_log_filters_are_the_right_controls_with_plain_first_choices(hub_a: HubArea, hub_a_admin: User) -> None:
    page = sign_in(Client(), hub_a_admin).get(LOG).content.decode()

    assert_filter_controls(
        page, selects={"person": "Anyone", "action": "Any action", "record": "Any record"}, text=("q",)
    )
    assert form_controls(page)["occurred_from"].type == "date"
    assert form_controls(page)["occurred_to"].type == "date"
    assert str(hub_a_admin) in form_controls(page)["person"].options


def test_the_log_shows_plain_words_for_the_action_and_the_record(hub_a: HubArea, hub_a_admin: User) -> None:
    _event(hub_a, Action.LEARNER_CHANGED, by=hub_a_admin, detail="HRT-000001: Graded exam recorded")

    page = sign_in(Client(), hub_a_admin).get(LOG, {"record": "learner"}).content.decode()

    table = page[page.index('id="audit-log"') :]
    assert "Changed a learner&#x27;s record: HRT-000001: Graded exam recorded" in table
    assert '<td class="govuk-table__cell">Learners</td>' in table
    assert "learner_changed" not in table


def test_the_log_narrows_by_person_action_record_search_and_dates(hub_a: HubArea, hub_a_admin: User) -> None:
    tutor = person(hub=hub_a, roles=[Role.TUTOR])
    _event(hub_a, Action.REGISTER_MARKED, by=tutor, detail="Year 4 violins, Tue 02 Dec 2025 (28 marked)")
    _event(hub_a, Action.LEARNER_VIEWED, by=hub_a_admin, detail="HRT-000042")
    _event(hub_a, Action.LEARNER_VIEWED, by=hub_a_admin, detail="HRT-000007", days_ago=40)
    client = sign_in(Client(), hub_a_admin)
    tutor_id = str(tutor.memberships.get().public_id)
    today = timezone.localdate()

    def details(**query: str) -> list[str]:
        response = client.get(LOG, query)
        assert response.status_code == 200
        return [event.detail for event, _record in response.context["rows"]]

    assert details(person=tutor_id) == ["Year 4 violins, Tue 02 Dec 2025 (28 marked)"]
    assert details(action="learner_viewed") == ["HRT-000042", "HRT-000007"]
    assert details(record="register") == ["Year 4 violins, Tue 02 Dec 2025 (28 marked)"]
    assert details(q="hrt-000042") == ["HRT-000042"]
    assert details(action="learner_viewed", occurred_to=(today - datetime.timedelta(days=30)).isoformat()) == [
        "HRT-000007"
    ]
    assert details(action="learner_viewed", occurred_from=today.strftime("%d/%m/%Y")) == ["HRT-000042"]


def test_a_date_that_is_not_a_date_or_a_range_backwards_is_explained_and_kept(
    hub_a: HubArea, hub_a_admin: User
) -> None:
    client = sign_in(Client(), hub_a_admin)

    bad = client.get(LOG, {"occurred_from": "31/02/2025"}).content.decode()
    backwards = client.get(LOG, {"occurred_from": "2025-09-10", "occurred_to": "2025-09-01"}).content.decode()

    assert "Enter the from date as a real date, for example 01/09/2025" in bad
    assert 'value="31/02/2025"' in bad
    assert "The to date must be the same as or after the from date" in backwards
    assert 'href="#id_occurred_to"' in backwards


def test_the_log_pages_by_fifty_keeping_the_filters_in_a_fixed_number_of_queries(
    hub_a: HubArea, hub_a_admin: User
) -> None:
    _event(hub_a, Action.LEARNER_VIEWED, by=hub_a_admin, detail="HRT-000001")
    client = sign_in(Client(), hub_a_admin)
    client.get(LOG, {"action": "learner_viewed"})

    with CaptureQueriesContext(connection) as one:
        client.get(LOG, {"action": "learner_viewed"})
    for number in range(2, 61):
        _event(hub_a, Action.LEARNER_VIEWED, by=hub_a_admin, detail=f"HRT-{number:06}")
    with CaptureQueriesContext(connection) as many:
        page = client.get(LOG, {"action": "learner_viewed"}).content.decode()

    assert len(many.captured_queries) == len(one.captured_queries)
    assert "Showing 1 to 50 of 60 entries" in page
    assert links(page)["Next page"] == "?action=learner_viewed&page=2"


def test_another_hubs_entries_never_show(hub_a: HubArea, hub_b: HubArea, hub_a_admin: User, hub_b_admin: User) -> None:
    _event(hub_b, Action.LEARNER_VIEWED, by=hub_b_admin, detail="BIR-000001")

    response = sign_in(Client(), hub_a_admin).get(LOG, {"q": "BIR-000001"})

    assert response.context["rows"] == []
    assert "No entries match these filters" in response.content.decode()


def test_each_team_member_is_a_link_to_their_page(hub_a: HubArea, hub_a_admin: User) -> None:
    tutor = person(hub=hub_a, roles=[Role.TUTOR], email="tutor.linked@example.org")

    page = sign_in(Client(), hub_a_admin).get(reverse("accounts:team")).content.decode()

    assert links(page)["tutor.linked@example.org"] == reverse(
        "accounts:team_member", args=[tutor.memberships.get().public_id]
    )
