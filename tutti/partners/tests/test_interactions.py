"""The interactions log: recording, follow-ups, the form and My follow-ups."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from tutti.accounts.models import Role, User
from tutti.accounts.testing import person, sign_in
from tutti.network.models import HubArea
from tutti.partners import selectors, services
from tutti.partners.models import Interaction
from tutti.partners.tests.factories import PartnerFactory

DAY = datetime.date(2025, 3, 3)


def test_interaction_record_logs_people_and_follow_up(hub_a: HubArea, hub_a_admin: User, hub_a_tutor: User) -> None:
    partner = PartnerFactory.create(hub=hub_a)
    interaction = services.interaction_record(
        hub=hub_a,
        subject=partner,
        kind=Interaction.Kind.VISIT,
        occurred_on=DAY,
        participants=[hub_a_admin],
        other_participants="Their head of music",
        notes="Toured the rehearsal rooms.",
        follow_up="Send the booking form",
        follow_up_due=DAY + datetime.timedelta(days=7),
        follow_up_owner=hub_a_tutor,
        by=hub_a_admin,
    )
    assert list(selectors.interactions_for(hub=hub_a, subject=partner)) == [interaction]
    assert list(interaction.participants.all()) == [hub_a_admin]
    assert interaction.subject == partner
    assert interaction.follow_up_is_open


def test_interaction_record_refuses_a_subject_of_another_hub(hub_a: HubArea, hub_b: HubArea, hub_a_admin: User) -> None:
    other = PartnerFactory.create(hub=hub_b)
    with pytest.raises(services.InteractionRefused, match="does not belong to"):
        services.interaction_record(
            hub=hub_a, subject=other, kind="call", occurred_on=DAY, participants=[], notes="x", by=hub_a_admin
        )


def test_interaction_record_refuses_people_outside_the_hub(
    hub_a: HubArea, hub_b_admin: User, hub_a_admin: User
) -> None:
    partner = PartnerFactory.create(hub=hub_a)
    with pytest.raises(services.InteractionRefused, match="Not active members"):
        services.interaction_record(
            hub=hub_a,
            subject=partner,
            kind="call",
            occurred_on=DAY,
            participants=[hub_b_admin],
            notes="x",
            by=hub_a_admin,
        )
    with pytest.raises(services.InteractionRefused, match="owner"):
        services.interaction_record(
            hub=hub_a,
            subject=partner,
            kind="call",
            occurred_on=DAY,
            participants=[],
            notes="x",
            follow_up="Ring back",
            follow_up_due=DAY,
            follow_up_owner=hub_b_admin,
            by=hub_a_admin,
        )


def test_a_follow_up_needs_a_due_date_and_an_owner(hub_a: HubArea, hub_a_admin: User) -> None:
    partner = PartnerFactory.create(hub=hub_a)
    with pytest.raises(services.InteractionRefused, match="due date and an owner"):
        services.interaction_record(
            hub=hub_a, subject=partner, kind="call", occurred_on=DAY, participants=[], notes="x",
            follow_up="Ring back", by=hub_a_admin,
        )  # fmt: skip


def _follow_up(hub: HubArea, owner: User, due: datetime.date, text: str) -> Interaction:
    return services.interaction_record(
        hub=hub, subject=PartnerFactory.create(hub=hub), kind="email", occurred_on=DAY, participants=[], notes="n",
        follow_up=text, follow_up_due=due, follow_up_owner=owner, by=owner,
    )  # fmt: skip


def test_follow_ups_for_lists_open_ones_the_person_owns_earliest_due_first(
    hub_a: HubArea, hub_a_admin: User, hub_a_tutor: User
) -> None:
    later = _follow_up(hub_a, hub_a_tutor, DAY + datetime.timedelta(days=30), "Later")
    overdue = _follow_up(hub_a, hub_a_tutor, DAY - datetime.timedelta(days=30), "Overdue")
    soon = _follow_up(hub_a, hub_a_tutor, DAY + datetime.timedelta(days=1), "Soon")
    done = _follow_up(hub_a, hub_a_tutor, DAY - datetime.timedelta(days=60), "Done already")
    _follow_up(hub_a, hub_a_admin, DAY, "Someone else's")
    services.follow_up_complete(interaction=done, by=hub_a_tutor)
    assert list(selectors.follow_ups_for(hub=hub_a, user=hub_a_tutor)) == [overdue, soon, later]


def test_follow_up_complete_records_the_day_and_who_and_is_idempotent(hub_a: HubArea, hub_a_tutor: User) -> None:
    interaction = _follow_up(hub_a, hub_a_tutor, DAY, "Ring")
    services.follow_up_complete(interaction=interaction, by=hub_a_tutor, on=DAY)
    services.follow_up_complete(interaction=interaction, by=hub_a_tutor, on=DAY + datetime.timedelta(days=2))
    interaction.refresh_from_db()
    assert (interaction.follow_up_done_on, interaction.follow_up_done_by) == (DAY, hub_a_tutor)


def test_the_owner_completes_their_follow_up_from_my_follow_ups(hub_a: HubArea, hub_a_tutor: User) -> None:
    interaction = _follow_up(hub_a, hub_a_tutor, DAY, "Ring the college")
    client = sign_in(Client(), hub_a_tutor)
    page = client.get(reverse("partners:my_follow_ups"))
    assert "Ring the college" in page.content.decode()
    assert "Overdue" in page.content.decode()
    response = client.post(reverse("partners:follow_up_complete", kwargs={"public_id": interaction.public_id}))
    assert response.status_code == 302
    assert "Ring the college" not in client.get(reverse("partners:my_follow_ups")).content.decode()


def test_a_tutor_cannot_complete_someone_elses_follow_up(hub_a: HubArea, hub_a_admin: User, hub_a_tutor: User) -> None:
    interaction = _follow_up(hub_a, hub_a_admin, DAY, "Admin's job")
    response = sign_in(Client(), hub_a_tutor).post(
        reverse("partners:follow_up_complete", kwargs={"public_id": interaction.public_id})
    )
    assert response.status_code == 403


def test_the_form_records_an_interaction_and_returns_to_the_partner(hub_a: HubArea, hub_a_admin: User) -> None:
    partner = PartnerFactory.create(hub=hub_a, name="Watford Palace Theatre")
    url = reverse(
        "partners:interaction_new", kwargs={"subject_type": "partners.partner", "public_id": partner.public_id}
    )
    response = sign_in(Client(), hub_a_admin).post(
        url,
        {
            "kind": "meeting",
            "occurred_on": "2025-03-03",
            "participants": [hub_a_admin.pk],
            "notes": "Planned the schools concert.",
            "follow_up": "Confirm the hall",
            "follow_up_due": "2025-03-10",
            "follow_up_owner": hub_a_admin.pk,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == partner.get_absolute_url()
    page = sign_in(Client(), hub_a_admin).get(partner.get_absolute_url()).content.decode()
    assert "Planned the schools concert." in page
    assert "Confirm the hall" in page


def test_the_form_keeps_what_was_typed_and_names_the_missing_fields(hub_a: HubArea, hub_a_admin: User) -> None:
    partner = PartnerFactory.create(hub=hub_a)
    url = reverse(
        "partners:interaction_new", kwargs={"subject_type": "partners.partner", "public_id": partner.public_id}
    )
    response = sign_in(Client(), hub_a_admin).post(
        url, {"kind": "call", "occurred_on": "31-02-2025", "notes": "Notes kept", "follow_up": "Chase"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter a real date" in html
    assert 'value="31-02-2025"' in html
    assert "Notes kept" in html
    assert "Chase" in html
    assert "Enter the date the follow-up is due" in html
    assert "Choose who owns the follow-up" in html
    assert '<option value="call" selected>' in html
    assert not Interaction.objects.exists()


def test_a_kind_of_record_that_has_not_opted_in_is_not_found(hub_a: HubArea, hub_a_admin: User) -> None:
    membership = person(hub=hub_a, roles=[Role.TUTOR]).memberships.get()
    url = reverse(
        "partners:interaction_new", kwargs={"subject_type": "accounts.membership", "public_id": membership.public_id}
    )
    assert sign_in(Client(), hub_a_admin).get(url).status_code == 404
