"""The register as a tutor uses it: everyone present at once, a running count, and nothing lost when the
session ends between loading the register and saving it."""

import datetime
import html
import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.sessions.models import Session as StoredSession
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tutti.accounts.models import Role, User
from tutti.accounts.testing import person, sign_in
from tutti.accounts.tests.totp import totp_code
from tutti.network.models import HubArea
from tutti.programmes.models import Activity, Session, StaffMember
from tutti.programmes.services.activities import tutor_assign
from tutti.programmes.services.enrolments import enrolment_enrol
from tutti.programmes.tests.factories import ActivityFactory, StaffMemberFactory, cleared, learner

PASSWORD = "cello-lantern-meadow-4"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def class_of_four(hub_a: HubArea, hub_a_tutor_staff: StaffMember, hub_a_manager: User) -> Session:
    """Today's session of the tutor's class: Amara, Bilal, Cerys and Dev (invented)."""
    activity = ActivityFactory.create(hub=hub_a, name="Year 4 cellos")
    tutor_assign(activity=activity, tutor=hub_a_tutor_staff)
    for name in ("Amara", "Bilal", "Cerys", "Dev"):
        enrolment_enrol(
            activity=activity, learner=learner(hub_a, first_name=name, last_name="Invented"), by=hub_a_manager
        )
    return Session.objects.create(
        activity=activity, date=timezone.localdate(), starts_at=datetime.time(9), ends_at=datetime.time(10)
    )


def _url(session: Session) -> str:
    return reverse("programmes:register", kwargs={"public_id": session.public_id})


def _field(session: Session, first_name: str) -> str:
    return f"learner-{session.activity.enrolments.get(learner__first_name=first_name).learner_id}"


def _marks(session: Session) -> dict[str, str]:
    return dict(session.attendance.values_list("learner__first_name", "mark"))


def _form_values(html: str) -> dict[str, str]:
    """The hidden values of the register form a browser would send back (the CSRF token, who loaded it)."""
    return dict(re.findall(r'name="(csrfmiddlewaretoken|loaded_by)" value="([^"]+)"', html))


def test_the_register_shows_its_running_count(class_of_four: Session, hub_a_tutor: User) -> None:
    client = sign_in(Client(), hub_a_tutor)
    client.post(_url(class_of_four), {"action": "mark", _field(class_of_four, "Amara"): "absent"})
    page = client.get(_url(class_of_four)).content.decode()
    assert "0 present, 1 absent, 3 to mark" in page


def test_mark_everyone_present_without_javascript_fills_the_rest_and_saves_nothing_yet(
    class_of_four: Session, hub_a_tutor: User
) -> None:
    client = sign_in(Client(), hub_a_tutor)
    response = client.post(_url(class_of_four), {"action": "all_present", _field(class_of_four, "Bilal"): "late"})
    page = response.content.decode()

    assert response.status_code == 200
    assert "3 present, 0 absent, 1 late, 0 to mark" in page
    assert "Everyone not marked yet is now shown as present" in page
    assert f'name="{_field(class_of_four, "Bilal")}" type="radio" value="late" checked' in page
    assert f'name="{_field(class_of_four, "Dev")}" type="radio" value="present" checked' in page
    assert _marks(class_of_four) == {}  # shown, not saved, until the tutor presses Save


def test_the_register_warns_when_the_session_will_end(class_of_four: Session, hub_a_tutor: User) -> None:
    page = sign_in(Client(), hub_a_tutor).get(_url(class_of_four)).content.decode()
    assert 'data-session-seconds="1800"' in page
    assert "you are signed out after 30 minutes without saving or opening a page" in page


def _sign_in_for_real(client: Client, user: User, *, next_url: str):
    """Password, then the authenticator code, as a person does; returns the response after the last redirect."""
    login = _form_values(client.get(reverse("account_login"), {"next": next_url}).content.decode())
    response = client.post(
        reverse("account_login"), {**login, "login": user.email, "password": PASSWORD, "next": next_url}
    )
    assert response["Location"] == reverse("mfa_authenticate")
    code = _form_values(client.get(reverse("mfa_authenticate")).content.decode())
    return client.post(reverse("mfa_authenticate"), {**code, "code": totp_code(SECRET)}, follow=True)


def _with_password_and_app(user: User) -> User:
    user.set_password(PASSWORD)
    user.save()
    Authenticator.objects.filter(user=user).delete()
    TOTP.activate(user, SECRET)
    return user


def _expire(client: Client) -> None:
    """End the session on the server as 30 idle minutes would; the browser still holds its cookies."""
    StoredSession.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )


def test_marks_saved_after_the_session_expired_are_saved_once_the_tutor_signs_in_again(
    class_of_four: Session, hub_a_tutor: User
) -> None:
    tutor = _with_password_and_app(hub_a_tutor)
    client = sign_in(Client(enforce_csrf_checks=True), tutor)
    form = _form_values(client.get(_url(class_of_four)).content.decode())
    marks = {_field(class_of_four, name): "present" for name in ("Amara", "Bilal", "Cerys")}
    marks[_field(class_of_four, "Dev")] = "absent"

    _expire(client)
    response = client.post(_url(class_of_four), {**form, "action": "mark", **marks}, follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert "Your marks are kept: sign in again and they will be saved." in response.content.decode()
    assert _marks(class_of_four) == {}

    response = _sign_in_for_real(client, tutor, next_url=_url(class_of_four))

    assert _marks(class_of_four) == {"Amara": "present", "Bilal": "present", "Cerys": "present", "Dev": "absent"}
    assert response.redirect_chain[-1][0] == reverse("programmes:today")
    assert "You signed in again, so your marks are kept. Register saved for Year 4 cellos: 3 present, 1 absent" in (
        response.content.decode()
    )


def test_kept_marks_are_only_shown_again_to_someone_else_who_may_mark_the_register(
    hub_a: HubArea, class_of_four: Session, hub_a_tutor: User
) -> None:
    client = sign_in(Client(), hub_a_tutor)
    form = _form_values(client.get(_url(class_of_four)).content.decode())
    _expire(client)
    client.post(_url(class_of_four), {**form, "action": "mark", _field(class_of_four, "Cerys"): "late"})

    manager = _with_password_and_app(person(hub=hub_a, roles=[Role.PROGRAMME_MANAGER]))
    page = _sign_in_for_real(client, manager, next_url=_url(class_of_four)).content.decode()

    assert _marks(class_of_four) == {}  # the manager did not mark them: nothing saved in their name
    assert "These marks were entered before the session ended and are not saved" in page
    assert f'name="{_field(class_of_four, "Cerys")}" type="radio" value="late" checked' in page


def test_kept_marks_never_reach_a_register_the_person_signing_in_may_not_mark(
    hub_a: HubArea, hub_a_manager: User, class_of_four: Session, hub_a_tutor: User
) -> None:
    client = sign_in(Client(), hub_a_tutor)
    form = _form_values(client.get(_url(class_of_four)).content.decode())
    _expire(client)
    client.post(_url(class_of_four), {**form, "action": "mark", _field(class_of_four, "Amara"): "present"})

    other_tutor = _with_password_and_app(person(hub=hub_a, roles=[Role.TUTOR]))
    cleared(StaffMemberFactory.create(hub=hub_a, user=other_tutor), by=hub_a_manager)
    response = _sign_in_for_real(client, other_tutor, next_url=_url(class_of_four))

    assert response.status_code == 404
    assert _marks(class_of_four) == {}


def test_a_forged_loaded_by_token_only_shows_the_marks_again(class_of_four: Session, hub_a_tutor: User) -> None:
    client = sign_in(Client(), hub_a_tutor)
    client.get(_url(class_of_four))
    _expire(client)
    client.post(_url(class_of_four), {"loaded_by": "forged", "action": "mark", _field(class_of_four, "Dev"): "present"})
    tutor = _with_password_and_app(hub_a_tutor)
    page = _sign_in_for_real(client, tutor, next_url=_url(class_of_four)).content.decode()
    assert _marks(class_of_four) == {}
    assert "check them, then save" in page


def test_the_registers_page_moves_a_day_at_a_time(
    hub_a: HubArea, hub_a_tutor: User, hub_a_tutor_staff: StaffMember
) -> None:
    activity: Activity = ActivityFactory.create(hub=hub_a, name="Saturday brass")
    tutor_assign(activity=activity, tutor=hub_a_tutor_staff)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    Session.objects.create(activity=activity, date=tomorrow, starts_at=datetime.time(10), ends_at=datetime.time(11))
    client = sign_in(Client(), hub_a_tutor)

    today = client.get(reverse("programmes:today")).content.decode()
    assert f'?day={tomorrow:%Y-%m-%d}" rel="next"' in today
    assert "Saturday brass" not in today
    assert "Saturday brass" in client.get(reverse("programmes:today"), {"day": tomorrow.isoformat()}).content.decode()
    bad = html.unescape(client.get(reverse("programmes:today"), {"day": "next tuesday"}).content.decode())
    assert "“next tuesday” is not a date like 2026-03-02, so today's registers are shown." in bad


def test_a_tutors_hub_home_opens_on_todays_registers_and_earlier_ones_still_to_mark(
    hub_a: HubArea, hub_a_tutor: User, class_of_four: Session, hub_a_manager: User
) -> None:
    yesterday = Session.objects.create(
        activity=class_of_four.activity,
        date=timezone.localdate() - datetime.timedelta(days=1),
        starts_at=datetime.time(9),
        ends_at=datetime.time(10),
    )
    marked_earlier = Session.objects.create(
        activity=class_of_four.activity,
        date=timezone.localdate() - datetime.timedelta(days=2),
        starts_at=datetime.time(9),
        ends_at=datetime.time(10),
    )
    client = sign_in(Client(), hub_a_tutor)
    client.post(
        _url(marked_earlier),
        {"action": "mark", **{_field(marked_earlier, n): "present" for n in ("Amara", "Bilal", "Cerys", "Dev")}},
    )

    page = client.get(reverse("accounts:hub_home")).content.decode()

    today_at = page.index("Today's registers")
    assert today_at < page.index("Your work")
    assert page.index(_url(class_of_four)) > today_at
    assert "Not marked yet: 4 to mark" in page
    assert "Still to mark from earlier days" in page
    assert _url(yesterday) in page
    assert _url(marked_earlier) not in page  # every child marked: nothing left to do
    assert "Next day" in page
    manager_page = sign_in(Client(), hub_a_manager).get(reverse("accounts:hub_home")).content.decode()
    assert 'id="today"' not in manager_page
