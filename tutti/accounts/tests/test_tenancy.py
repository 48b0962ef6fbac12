"""The one queryset API every hub-owned model is read through, and the check that they all have it."""

from django.db import models
from django.test.utils import isolate_apps

from tutti.accounts.models import AuditEvent, Membership, Role, User
from tutti.accounts.services import audit_record
from tutti.accounts.tenancy import HubScopedQuerySet, check_hub_scoped_models, models_missing_hub_scope
from tutti.accounts.testing import person
from tutti.network.models import HubArea


def test_for_hub_returns_that_hubs_rows_only(hub_a: HubArea, hub_b: HubArea, hub_a_admin: User, hub_b_admin: User):
    assert list(Membership.objects.for_hub(hub_a).values_list("user__email", flat=True)) == [hub_a_admin.email]
    assert not Membership.objects.for_hub(None).exists()


def test_visible_to_covers_every_active_membership_and_nothing_else(
    hub_a: HubArea, hub_b: HubArea, hub_a_admin: User, hub_b_admin: User, national_officer: User
) -> None:
    audit_record(action=AuditEvent.Action.SIGNED_IN, hub=hub_a, actor=hub_a_admin)
    audit_record(action=AuditEvent.Action.SIGNED_IN, hub=hub_b, actor=hub_b_admin)
    assert [e.hub for e in AuditEvent.objects.visible_to(hub_a_admin)] == [hub_a]
    assert not AuditEvent.objects.visible_to(national_officer).exists()  # aggregates only, never rows

    both = person(hub=hub_a, roles=[Role.TUTOR])
    Membership.objects.create(user=both, hub=hub_b)
    assert {e.hub for e in AuditEvent.objects.visible_to(both)} == {hub_a, hub_b}
    Membership.objects.filter(user=both, hub=hub_b).update(disabled_at="2024-09-01T00:00:00Z")
    assert {e.hub for e in AuditEvent.objects.visible_to(both)} == {hub_a}


def test_every_model_linked_to_a_hub_has_the_scoped_manager() -> None:
    assert models_missing_hub_scope() == []
    assert check_hub_scoped_models() == []


@isolate_apps("tutti.accounts")
def test_the_check_names_a_model_that_links_to_a_hub_without_the_scoped_manager() -> None:
    class Unscoped(models.Model):
        hub = models.ForeignKey(HubArea, on_delete=models.CASCADE)

        class Meta:
            app_label = "accounts"

        def __str__(self) -> str:
            return "unscoped"

    class Scoped(models.Model):
        hub = models.ForeignKey(HubArea, on_delete=models.CASCADE)
        objects = HubScopedQuerySet.as_manager()

        class Meta:
            app_label = "accounts"

        def __str__(self) -> str:
            return "scoped"

    assert models_missing_hub_scope([Unscoped, Scoped]) == ["accounts.Unscoped"]
