"""The emails a family receives: an account already exists, and each step of an application.

Sent after the change commits (programmes' enrolment news runs listeners on commit); the text names the
child by first name only and links to the portal rather than repeating what the portal shows.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from tutti.families.models import YoungPersonLink
from tutti.programmes.models import Enrolment
from tutti.programmes.selectors import waiting_list

SUBJECTS = {
    Enrolment.Status.APPLIED: "We have your application",
    Enrolment.Status.OFFERED: "A place is offered: accept it in your family portal",
    Enrolment.Status.WAITING: "On the waiting list",
    Enrolment.Status.ACTIVE: "Place accepted",
    Enrolment.Status.WITHDRAWN: "Your child has left an activity",
}


def _send(*, to: str, subject: str, template: str, context: dict) -> None:
    body = render_to_string(f"families/email/{template}", context)
    send_mail(subject=f"Tutti: {subject}", message=body, from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=[to])


def account_exists(*, email: str, request: HttpRequest) -> None:
    sign_in = request.build_absolute_uri(reverse("account_login"))
    _send(to=email, subject="You already have an account", template="account_exists.txt", context={"sign_in": sign_in})


def enrolment_changed(enrolment: Enrolment) -> None:
    """Tell each family account linked to the child what happened to their application or place."""
    subject = SUBJECTS.get(Enrolment.Status(enrolment.status))
    if subject is None:
        return
    accounts = {
        link.account.user.email
        for guardian in enrolment.learner.guardians.select_related("family_link__account__user")
        if (link := getattr(guardian, "family_link", None)) is not None
    }
    own = YoungPersonLink.objects.filter(learner=enrolment.learner).select_related("account__user").first()
    if own is not None:
        accounts.add(own.account.user.email)
    if not accounts:
        return
    rank = next((row.rank for row in waiting_list(enrolment.activity) if row.enrolment.pk == enrolment.pk), None)
    context = {
        "enrolment": enrolment,
        "first_name": enrolment.learner.first_name,
        "activity": enrolment.activity.name,
        "hub": enrolment.activity.hub.name,
        "rank": rank,
        "portal": settings.SITE_URL + reverse("families:home"),
    }
    for email in sorted(accounts):
        _send(to=email, subject=subject, template="enrolment_changed.txt", context=context)
