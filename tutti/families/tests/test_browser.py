"""The joining journey end to end in headless Chromium at 375 pixels, axe-core on every page.

A parent finds an activity, creates an account, confirms the email through allauth's link, signs in, sets
up an authenticator app, adds a child and applies; the hub offers a place; the parent accepts it in the
portal; the child is on the tutor's register and the timetable shows the week the tutor was away.
"""

import datetime
import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.utils import timezone

from tutti.accounts.models import Role
from tutti.accounts.testing import person
from tutti.core.testing.browser import assert_accessible, open_page
from tutti.families.tests.factories import photography_question
from tutti.learners.models import Learner
from tutti.network.models import HubArea
from tutti.opportunities.tests.factories import listed
from tutti.programmes.models import Enrolment, Session
from tutti.programmes.selectors import register_rows
from tutti.programmes.services.enrolments import enrolment_offer
from tutti.programmes.services.registers import session_not_delivered

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a tuba in the attic 42"


def on_a_phone(page, *, title: str) -> None:
    """The page that just loaded: its title, axe-clean, and no wider than a 375-pixel screen."""
    assert title in page.title(), page.title()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, page.url


def totp_now(secret: str, *, not_in_step: int | None = None) -> tuple[str, int]:
    """A code for this 30-second step; a code is good once, so wait for the next step after ``not_in_step``."""
    while (step := int(time.time()) // 30) == not_in_step:
        time.sleep(0.5)
    return format_hotp_value(hotp_value(secret, step)), step


def test_a_parent_joins_applies_and_accepts_a_place_on_a_phone(page) -> None:
    hub = HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    listing = listed(hub=hub, name="Junior strings", postcode="AL1 3LX")
    photography_question(hub)
    today = timezone.localdate()
    upcoming = Session.objects.create(
        activity=listing.activity,
        date=today + datetime.timedelta(days=7),
        starts_at=datetime.time(17),
        ends_at=datetime.time(18),
    )
    page.set_viewport_size({"width": 375, "height": 800})

    open_page(page, f"/opportunities/{listing.public_id}/", title_contains="Junior strings")
    page.get_by_role("link", name="Apply for a place").click()
    on_a_phone(page, title="Apply for Junior strings")
    page.fill("#id_first_name", "Invented")
    page.fill("#id_last_name", "Parent")
    page.fill("#id_email", "new.parent@example.org")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("main form button[type=submit]")
    on_a_phone(page, title="Check your email")

    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^/\s]+/)", str(mail.outbox[-1].body))
    assert link, mail.outbox[-1].body
    open_page(page, link.group(1), title_contains="Confirm")
    page.click("main form button[type=submit]")
    on_a_phone(page, title="Sign in")
    page.fill("input[name=login]", "new.parent@example.org")
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")

    on_a_phone(page, title="Confirm Access")  # setting up an authenticator asks for the password again
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    on_a_phone(page, title="uthenticator")  # sent to set up an authenticator app before any child's data
    secret = page.input_value("#authenticator_secret")
    code, used_step = totp_now(secret)
    page.fill("input[name=code]", code)
    page.click("main form button[type=submit]")
    page.goto("/family/")
    on_a_phone(page, title="Confirm Access")  # and a code from it, to use it in this session
    page.fill("input[name=code]", totp_now(secret, not_in_step=used_step)[0])
    page.click("main form button[type=submit]")
    on_a_phone(page, title="Your family")
    page.get_by_role("link", name="Carry on with the application").click()
    on_a_phone(page, title="Apply for Junior strings")

    page.click("main form button[type=submit]")  # nothing filled in: every problem named
    on_a_phone(page, title="Error: Apply for Junior strings")
    page.fill("#id_child-first_name", "Zephyrine")
    page.fill("#id_child-last_name", "Glockenspire")
    page.fill("#id_child-date_of_birth", "27/03/2016")
    page.select_option("#id_child-relationship", "mother")
    page.fill("#id_child-phone", "01632 960123")
    page.check("main input[type=radio][value=given]")
    page.click("main form button[type=submit]")
    on_a_phone(page, title="Zephyrine: places and timetable")
    assert "Applied on" in page.content()

    child = Learner.objects.get(first_name="Zephyrine")
    enrolment = Enrolment.objects.get(learner=child)
    manager = person(hub=hub, roles=[Role.PROGRAMME_MANAGER])
    enrolment_offer(enrolment=enrolment, by=manager)
    assert mail.outbox[-1].subject == "Tutti: A place is offered: accept it in your family portal"
    page.reload()
    on_a_phone(page, title="Zephyrine: places and timetable")
    page.get_by_role("button", name="Accept the place in Junior strings").click()
    on_a_phone(page, title="Zephyrine: places and timetable")
    assert "Taking part since" in page.content()
    assert [row[0].learner for row in register_rows(upcoming)] == [child]  # on the tutor's register

    session_not_delivered(session=upcoming, reason=Session.Reason.TUTOR_ABSENCE, by=manager)  # the tutor is away
    page.reload()
    on_a_phone(page, title="Zephyrine: places and timetable")
    assert "Not running Tutor absence" in page.inner_text("#timetable + div")
