"""The remission pages as the inclusion lead uses them: forms keep what was typed and name what is wrong."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.testing import sign_in
from tutti.inclusion.models import Criterion, RemissionApplication, RemissionScheme
from tutti.inclusion.selectors import remission_for
from tutti.inclusion.services.applications import application_submit
from tutti.inclusion.tests.builders import IN_TERM, paid_place
from tutti.inclusion.tests.factories import RemissionRuleFactory, RemissionSchemeFactory, png_upload
from tutti.learners.tests.factories import LearnerFactory
from tutti.network.models import HubArea
from tutti.programmes.models import Activity


@pytest.fixture
def lead(client: Client, hub_a_inclusion_lead: User) -> Client:
    return sign_in(client, hub_a_inclusion_lead)


@pytest.fixture
def scheme(hub_a: HubArea) -> RemissionScheme:
    scheme = RemissionSchemeFactory.create(hub=hub_a, academic_year=2025, budget_pence=100_000)
    RemissionRuleFactory.create(scheme=scheme, criterion=Criterion.FREE_SCHOOL_MEALS, percent=100)
    return scheme


def test_a_paper_application_is_recorded_approved_and_the_fee_drops(
    lead: Client, scheme: RemissionScheme, hub_a_inclusion_lead: User
) -> None:
    learner, activity = paid_place(scheme.hub, by=hub_a_inclusion_lead, fee_pence=6_000)
    response = lead.post(
        reverse("inclusion:application_new"),
        {
            "learner_reference": learner.reference.lower(),
            "scheme": scheme.pk,
            "criteria": [Criterion.FREE_SCHOOL_MEALS],
            "applicant_name": "Mordred Fiddlesticks",
            "channel": RemissionApplication.Channel.PAPER,
            "evidence": png_upload("school letter.png"),
        },
    )
    application = RemissionApplication.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("inclusion:application", kwargs={"public_id": application.public_id})

    page = lead.get(response["Location"]).content.decode()
    assert "Download school letter.png" in page
    assert "worth £180" in page

    lead.post(response["Location"], {"decision": "approve"})
    application.refresh_from_db()
    assert application.status == RemissionApplication.Status.APPROVED
    remission = remission_for(learner=learner, activity_kind=activity.kind, on=IN_TERM)
    assert remission is not None
    assert remission.fee_after(6_000) == 0


def test_the_application_form_names_each_problem_and_keeps_what_was_typed(
    lead: Client, scheme: RemissionScheme
) -> None:
    response = lead.post(
        reverse("inclusion:application_new"),
        {
            "learner_reference": "HRT-999999",
            "scheme": scheme.pk,
            "applicant_name": "Mordred Fiddlesticks",
            "channel": RemissionApplication.Channel.EMAIL,
            "family_note": "We moved in March.",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Error:" in page
    assert "No learner of the hub has the reference HRT-999999" in page
    assert "Choose at least one of the circumstances that apply" in page
    assert 'value="Mordred Fiddlesticks"' in page
    assert "We moved in March." in page
    assert not RemissionApplication.objects.exists()


def test_a_renamed_executable_is_refused_on_the_form_naming_the_file(
    lead: Client, scheme: RemissionScheme, hub_a_inclusion_lead: User
) -> None:
    learner, _ = paid_place(scheme.hub, by=hub_a_inclusion_lead)
    response = lead.post(
        reverse("inclusion:application_new"),
        {
            "learner_reference": learner.reference,
            "scheme": scheme.pk,
            "criteria": [Criterion.FREE_SCHOOL_MEALS],
            "applicant_name": "Mordred Fiddlesticks",
            "channel": RemissionApplication.Channel.PAPER,
            "evidence": SimpleUploadedFile("letter.pdf", b"MZ\x90\x00" + b"\x00" * 64, "application/pdf"),
        },
    )
    assert "letter.pdf is not a PDF, JPEG or PNG file, whatever its name says." in response.content.decode()
    assert not RemissionApplication.objects.exists()


def _application_with_evidence(scheme: RemissionScheme, by: User) -> RemissionApplication:
    return application_submit(
        scheme=scheme,
        learner=LearnerFactory.create(hub=scheme.hub),
        criteria=[Criterion.FREE_SCHOOL_MEALS],
        applicant_name="Mordred Fiddlesticks",
        channel=RemissionApplication.Channel.EMAIL,
        evidence=[png_upload("Fiddlesticks letter.png")],
        by=by,
    )


def test_evidence_downloads_as_an_attachment_and_each_download_is_audited(
    lead: Client, scheme: RemissionScheme, hub_a_inclusion_lead: User
) -> None:
    evidence = _application_with_evidence(scheme, hub_a_inclusion_lead).evidence.get()
    response = lead.get(reverse("inclusion:evidence_download", kwargs={"public_id": evidence.public_id}))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Fiddlesticks letter.png" in response["Content-Disposition"]
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(b"\x89PNG")
    downloads = AuditEvent.objects.for_hub(scheme.hub).filter(action=AuditEvent.Action.EVIDENCE_DOWNLOADED)
    assert [event.actor for event in downloads] == [hub_a_inclusion_lead]


def test_another_hubs_evidence_is_not_found_and_the_attempt_is_logged(
    client: Client, lead: Client, scheme: RemissionScheme, hub_a_inclusion_lead: User, hub_b_admin: User
) -> None:
    evidence = _application_with_evidence(scheme, hub_a_inclusion_lead).evidence.get()
    other = sign_in(Client(), hub_b_admin)
    response = other.get(reverse("inclusion:evidence_download", kwargs={"public_id": evidence.public_id}))
    assert response.status_code == 404
    refused = AuditEvent.objects.for_hub(scheme.hub).filter(action=AuditEvent.Action.OTHER_HUB_RECORD_REFUSED)
    assert refused.count() == 1
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EVIDENCE_DOWNLOADED).exists()


def test_a_refusal_without_a_reason_is_sent_back_naming_the_field(
    lead: Client, scheme: RemissionScheme, hub_a_inclusion_lead: User
) -> None:
    application = _application_with_evidence(scheme, hub_a_inclusion_lead)
    url = reverse("inclusion:application", kwargs={"public_id": application.public_id})
    response = lead.post(url, {"decision": "refuse", "reason": ""})
    assert "Say why the application is refused: the family will read it" in response.content.decode()
    application.refresh_from_db()
    assert application.status == RemissionApplication.Status.SUBMITTED


def test_an_approval_past_the_budget_says_it_is_on_the_waiting_list(
    lead: Client, scheme: RemissionScheme, hub_a_inclusion_lead: User
) -> None:
    RemissionScheme.objects.filter(pk=scheme.pk).update(budget_pence=0)
    learner, _ = paid_place(scheme.hub, by=hub_a_inclusion_lead)
    application = _application_with_evidence(scheme, hub_a_inclusion_lead)
    RemissionApplication.objects.filter(pk=application.pk).update(learner=learner)
    url = reverse("inclusion:application", kwargs={"public_id": application.public_id})
    response = lead.post(url, {"decision": "approve"}, follow=True)
    assert "it is number 1 on the waiting list" in response.content.decode()


def test_the_scheme_page_shows_the_budget_rules_and_waiting_list(lead: Client, scheme: RemissionScheme) -> None:
    page = lead.get(reverse("inclusion:scheme", kwargs={"public_id": scheme.public_id})).content.decode()
    assert "£1,000" in page
    assert "Gets free school meals" in page
    assert "100% off each fee (every activity)" in page
    assert "Nobody is waiting for budget." in page


def test_a_rule_needs_a_percentage_or_an_amount(lead: Client, scheme: RemissionScheme) -> None:
    url = reverse("inclusion:rule_new", kwargs={"public_id": scheme.public_id})
    response = lead.post(url, {"criterion": Criterion.SIBLING, "activity_kind": Activity.Kind.ENSEMBLE})
    assert "Enter a percentage off each fee, or a fixed amount" in response.content.decode()
    lead.post(url, {"criterion": Criterion.SIBLING, "activity_kind": Activity.Kind.ENSEMBLE, "amount": "12.50"})
    rule = scheme.rules.get(criterion=Criterion.SIBLING)
    assert (rule.amount_pence, rule.activity_kind, rule.percent) == (1_250, "ensemble", None)


def test_a_second_scheme_for_a_year_is_refused_on_the_year_field(lead: Client, scheme: RemissionScheme) -> None:
    response = lead.post(reverse("inclusion:scheme_new"), {"academic_year": "2025/26", "budget": "5,000"})
    assert "The hub already has a remission scheme for 2025/26." in response.content.decode()
    assert RemissionScheme.objects.count() == 1
