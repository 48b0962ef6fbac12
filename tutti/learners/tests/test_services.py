"""Learner services: references, create and update with audit entries, consents append-only, merge."""

import datetime

import pytest

from tutti.accounts.models import AuditEvent, User
from tutti.learners.models import Consent, ConsentIsAppendOnly, Learner, Milestone
from tutti.learners.services.family import consent_record, guardian_add, milestone_record
from tutti.learners.services.learners import learner_create, learner_update, match_key
from tutti.learners.services.merge import MergeRefused, learners_merge
from tutti.learners.services.references import prefix_for, references_allocate
from tutti.network.models import HubArea
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.schools.tests.factories import SchoolFactory

BORN = datetime.date(2016, 3, 27)


def _create(hub: HubArea, by: User, **fields: object) -> Learner:
    values: dict = {"first_name": "Pipkin", "last_name": "Fiddlesticks", "date_of_birth": BORN, **fields}
    return learner_create(hub=hub, by=by, **values)


def test_references_take_the_hub_prefix_and_never_repeat(hub_a: HubArea, hub_b: HubArea) -> None:
    assert prefix_for(hub_a) == "HRT"
    assert prefix_for(hub_b) == "BRM"
    assert references_allocate(hub=hub_a, count=2) == ["HRT-000001", "HRT-000002"]
    assert references_allocate(hub=hub_a, count=1) == ["HRT-000003"]
    assert references_allocate(hub=hub_b, count=1) == ["BRM-000001"]


def test_match_key_ignores_case_and_spacing() -> None:
    assert match_key("  Pipkin ", "FIDDLE   sticks") == match_key("pipkin", "fiddle sticks")


def test_learner_create_gives_a_reference_and_audits_without_the_name(hub_a: HubArea, hub_a_admin: User) -> None:
    learner = _create(hub_a, hub_a_admin, first_name="  Pipkin  ", postcode_district="SG12")
    assert learner.reference == "HRT-000001"
    assert learner.first_name == "Pipkin"
    assert learner.gender == "not_known"
    assert learner.ethnicity == "NOBT"
    event = AuditEvent.objects.for_hub(hub_a).get(action=AuditEvent.Action.LEARNER_CREATED)
    assert event.actor == hub_a_admin
    assert event.detail == "HRT-000001"
    assert "Pipkin" not in event.detail


def test_learner_create_refuses_a_bad_postcode_district(hub_a: HubArea, hub_a_admin: User) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="postcode"):
        _create(hub_a, hub_a_admin, postcode_district="SG12 3AB")
    assert not Learner.objects.exists()


def test_learner_update_audits_the_fields_changed_not_their_values(hub_a: HubArea, hub_a_admin: User) -> None:
    learner = _create(hub_a, hub_a_admin)
    learner_update(learner=learner, by=hub_a_admin, send="ehc_plan", year_group=5)
    event = AuditEvent.objects.for_hub(hub_a).get(action=AuditEvent.Action.LEARNER_CHANGED)
    assert event.detail == "HRT-000001: SEND, Year group changed"
    learner_update(learner=learner, by=hub_a_admin, send="ehc_plan")
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LEARNER_CHANGED).count() == 1


def test_consents_are_a_history_that_cannot_be_changed(hub_a: HubArea, hub_a_admin: User) -> None:
    learner = _create(hub_a, hub_a_admin)
    first = consent_record(
        learner=learner,
        by=hub_a_admin,
        kind="photography",
        decision="given",
        decided_on=datetime.date(2024, 9, 5),
        given_by="Mordred Fiddlesticks",
        wording="Photographs of your child may appear on the hub's website.",
    )
    consent_record(
        learner=learner,
        by=hub_a_admin,
        kind="photography",
        decision="refused",
        decided_on=datetime.date(2025, 1, 10),
        given_by="Mordred Fiddlesticks",
        wording="Photographs of your child may appear on the hub's website.",
    )
    assert Consent.objects.filter(learner=learner).latest_per_kind()["photography"].decision == "refused"
    first.decision = "refused"
    with pytest.raises(ConsentIsAppendOnly):
        first.save()
    with pytest.raises(ConsentIsAppendOnly):
        Consent.objects.filter(pk=first.pk).update(decision="refused")
    with pytest.raises(ConsentIsAppendOnly):
        Consent.objects.filter(pk=first.pk).delete()


def test_merge_moves_every_record_and_keeps_the_other_as_a_pointer(hub_a: HubArea, hub_a_admin: User) -> None:
    school = SchoolFactory(local_authority=LocalAuthorityFactory(hub_area=hub_a))
    keep = _create(hub_a, hub_a_admin, school=school)
    merge = _create(hub_a, hub_a_admin, school=school, first_name="PIPKIN", ethnicity="WBRI", send="sen_support")
    guardian_add(learner=keep, by=hub_a_admin, name="Mordred Fiddlesticks", relationship="parent", phone="01632 960001")
    guardian_add(learner=merge, by=hub_a_admin, name="Mordred Fiddlesticks", relationship="parent", phone="01632960001")
    guardian_add(learner=merge, by=hub_a_admin, name="Grizelda Fiddlesticks", relationship="grandparent")
    consent_record(
        learner=merge,
        by=hub_a_admin,
        kind="data_sharing",
        decision="given",
        decided_on=datetime.date(2024, 9, 5),
        given_by="Mordred Fiddlesticks",
        wording="We share attendance with your child's school.",
    )
    milestone_record(
        learner=merge,
        by=hub_a_admin,
        kind=Milestone.Kind.GRADED_EXAM,
        achieved_on=datetime.date(2025, 6, 1),
        exam_board="abrsm",
        instrument="Violin",
        grade=1,
        result="merit",
    )

    learners_merge(keep=keep, merge=merge, by=hub_a_admin)

    keep.refresh_from_db()
    merge.refresh_from_db()
    assert merge.merged_into == keep
    assert sorted(g.name for g in keep.guardians.all()) == ["Grizelda Fiddlesticks", "Mordred Fiddlesticks"]
    assert keep.consents.count() == 1
    assert keep.milestones.get().instrument == "Violin"
    assert keep.ethnicity == "WBRI"  # gaps filled from the other record
    assert keep.send == "sen_support"
    assert list(Learner.objects.for_hub(hub_a).current()) == [keep]
    event = AuditEvent.objects.get(action=AuditEvent.Action.LEARNERS_MERGED)
    assert event.detail.startswith("HRT-000002 merged into HRT-000001")


def test_merge_refuses_a_record_already_merged_or_of_another_hub(
    hub_a: HubArea, hub_b: HubArea, hub_a_admin: User, hub_b_admin: User
) -> None:
    keep, merge = _create(hub_a, hub_a_admin), _create(hub_a, hub_a_admin)
    learners_merge(keep=keep, merge=merge, by=hub_a_admin)
    with pytest.raises(MergeRefused, match="already been merged"):
        learners_merge(keep=keep, merge=merge, by=hub_a_admin)
    with pytest.raises(MergeRefused, match="different hubs"):
        learners_merge(keep=keep, merge=_create(hub_b, hub_b_admin), by=hub_a_admin)


def test_consents_and_milestones_are_audited_in_plain_words(hub_a: HubArea, hub_a_admin: User) -> None:
    learner = _create(hub_a, hub_a_admin)
    consent_record(
        learner=learner,
        by=hub_a_admin,
        kind="photography",
        decision="refused",
        decided_on=datetime.date(2025, 1, 10),
        given_by="Mordred Fiddlesticks",
        wording="Photographs of your child may appear on the hub's website.",
    )
    milestone_record(
        learner=learner,
        by=hub_a_admin,
        kind=Milestone.Kind.GRADED_EXAM,
        achieved_on=datetime.date(2025, 6, 1),
        exam_board="abrsm",
        instrument="Violin",
        grade=1,
        result="merit",
    )

    details = list(
        AuditEvent.objects.for_hub(hub_a)
        .filter(action=AuditEvent.Action.LEARNER_CHANGED)
        .order_by("pk")
        .values_list("detail", flat=True)
    )
    assert details == [
        "HRT-000001: Photography and filming consent refused",
        "HRT-000001: Graded exam recorded",
    ]
