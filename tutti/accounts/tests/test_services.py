"""Inviting people, setting roles, disabling memberships; the audit log that records it all."""

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse

from tutti.accounts import services
from tutti.accounts.models import AuditEvent, AuditLogIsAppendOnly, Membership, Role, User
from tutti.accounts.testing import person, sign_in
from tutti.network.models import HubArea


def test_inviting_a_new_person_creates_their_account_and_emails_a_link(
    hub_a: HubArea, hub_a_admin: User, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.membership_invite(
            hub=hub_a, email="New.Tutor@Example.org", roles=[Role.TUTOR, Role.INCLUSION_LEAD], by=hub_a_admin
        )
    assert membership.user.email == "new.tutor@example.org"
    assert not membership.user.has_usable_password()
    assert membership.role_set == {Role.TUTOR, Role.INCLUSION_LEAD}
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.tutor@example.org"]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body
    actions = list(AuditEvent.objects.for_hub(hub_a).values_list("action", flat=True))
    assert sorted(actions) == sorted(["invited", "role_added", "role_added"])


def test_inviting_someone_from_another_hub_gives_them_a_second_membership(
    hub_a: HubArea, hub_b: HubArea, hub_a_admin: User, hub_b_admin: User
) -> None:
    services.membership_invite(hub=hub_a, email=hub_b_admin.email, roles=[Role.TUTOR], by=hub_a_admin)
    assert set(hub_b_admin.memberships.values_list("hub__slug", flat=True)) == {"hertfordshire", "birmingham"}
    assert User.objects.filter(email=hub_b_admin.email).count() == 1


def test_setting_roles_adds_and_removes_each_with_an_audit_event(hub_a: HubArea, hub_a_admin: User) -> None:
    membership = person(hub=hub_a, roles=[Role.TUTOR]).memberships.get()
    services.membership_set_roles(membership=membership, roles=[Role.PROGRAMME_MANAGER], by=hub_a_admin)
    assert membership.role_set == {Role.PROGRAMME_MANAGER}
    events = AuditEvent.objects.for_hub(hub_a).filter(subject_user=membership.user)
    assert {(e.action, e.detail) for e in events} == {
        ("role_added", "Programme manager"),
        ("role_removed", "Tutor"),
    }
    assert all(e.actor == hub_a_admin for e in events)


def test_disabling_a_membership_ends_the_persons_sessions_in_that_hub_only(
    hub_a: HubArea, hub_b: HubArea, hub_a_admin: User
) -> None:
    tutor = person(hub=hub_a, roles=[Role.TUTOR])
    services.membership_invite(hub=hub_b, email=tutor.email, roles=[Role.TUTOR], by=hub_a_admin)
    in_a, in_b = Client(), Client()
    for client, hub in ((in_a, hub_a), (in_b, hub_b)):
        sign_in(client, tutor)
        client.post(reverse("accounts:hub_switch"), {"hub": hub.pk})
    assert UserSession.objects.filter(user=tutor).count() == 2

    services.membership_disable(membership=tutor.memberships.get(hub=hub_a), by=hub_a_admin)

    assert in_a.get(reverse("accounts:hub_home")).status_code == 302  # signed out
    assert in_b.get(reverse("accounts:hub_home")).status_code == 200
    assert Session.objects.count() == 1
    assert AuditEvent.objects.for_hub(hub_a).filter(action="membership_disabled", subject_user=tutor).exists()


def test_a_disabled_member_loses_the_hub_even_without_a_session_to_end(hub_a: HubArea, hub_a_admin: User) -> None:
    tutor = person(hub=hub_a, roles=[Role.TUTOR])
    services.membership_disable(membership=tutor.memberships.get(), by=hub_a_admin)
    assert sign_in(Client(), tutor).get(reverse("accounts:hub_home")).status_code == 403


def test_enabling_restores_the_membership_with_its_roles(hub_a: HubArea, hub_a_admin: User) -> None:
    membership = person(hub=hub_a, roles=[Role.TUTOR]).memberships.get()
    services.membership_disable(membership=membership, by=hub_a_admin)
    services.membership_enable(membership=membership, by=hub_a_admin)
    membership.refresh_from_db()
    assert membership.is_active
    assert membership.role_set == {Role.TUTOR}


def test_the_audit_log_refuses_changes_and_deletions(hub_a: HubArea, hub_a_admin: User) -> None:
    event = services.audit_record(action=AuditEvent.Action.SIGNED_IN, hub=hub_a, actor=hub_a_admin)
    event.detail = "rewritten"
    with pytest.raises(AuditLogIsAppendOnly):
        event.save()
    with pytest.raises(AuditLogIsAppendOnly):
        event.delete()
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(detail="rewritten")
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).detail == ""


def test_one_membership_per_person_and_hub(hub_a: HubArea, hub_a_admin: User) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=hub_a_admin, hub=hub_a)


def test_on_postgresql_the_database_itself_refuses_to_change_the_audit_log(hub_a: HubArea, hub_a_admin: User) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the trigger exists on PostgreSQL only; SQLite relies on the model and queryset guards")
    event = services.audit_record(action=AuditEvent.Action.SIGNED_IN, hub=hub_a, actor=hub_a_admin)
    for statement in (
        "UPDATE accounts_auditevent SET detail = 'x' WHERE id = %s",
        "DELETE FROM accounts_auditevent WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [event.pk])
