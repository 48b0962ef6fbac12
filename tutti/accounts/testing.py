"""The cross-hub access matrix every module's view tests use, and the list of URLs that need none.

A module describes each of its URLs once, in ``tutti/<module>/tests/access_matrix.py``::

    MATRIX = [
        AccessRule("partners:detail", roles={Role.PROGRAMME_MANAGER}, make_kwargs=lambda hub: {"public_id": ...}),
    ]

and runs ``check_access(client, rule)`` over it (``pytest.mark.parametrize("rule", MATRIX)``). For each
URL the helper requests it

1. signed out: redirected to sign-in;
2. as a member of hub A without any of the roles: 403;
3. as a member of hub A with the role (two-factor done): the expected status (200);
4. as the same role in hub B: 404 for a URL naming one of hub A's records, and otherwise a page that
   never mentions hub A.

``uncovered_url_names()`` walks every URL pattern of the project; the coverage test fails for any
pattern that is neither public (PUBLIC_URL_NAMES), personal (SIGNED_IN_URL_NAMES, tested here) nor
described by some module's MATRIX. This module lives in accounts (not core) because it builds people
and memberships, and core sits below accounts in DESIGN.md's module direction.
"""

import importlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tutti.accounts.models import HUB_ROLES, Membership, MembershipRole, Role, User
from tutti.accounts.services import national_officer_appoint
from tutti.network.models import HubArea

# Pages anyone may open: the public network pages, downloads and API, and the sign-in entrance pages.
PUBLIC_URL_NAMES = frozenset(
    {
        "network:home",
        "network:hub_list",
        "network:hub_detail",
        "network:map",
        "network:downloads",
        "network:lead_organisations_csv",
        "network:hub_areas_csv",
        "network:hub_areas_xlsx",
        "core:health",
        "core:accessibility",
        "core:privacy",
        "api:docs",
        "api:schema",
        "api:hub-area-list",
        "api:hub-area-detail",
        "api:local-authority-list",
        "api:local-authority-detail",
        "api:lead-organisation-list",
        "api:allocation-list",
        "account_login",
        "account_logout",
        "account_inactive",
        "account_signup",  # answers "sign-up is closed": people are invited
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key",
        "account_reset_password_from_key_done",
        "account_confirm_email",
        "account_email_verification_sent",
        "account_confirm_login_code",
        "mfa_authenticate",  # the second step of signing in
        "school_survey:form",  # a school's private survey link: the token is the key, no account
    }
)

# A person's own pages: any signed-in person, no hub involved; signed out they redirect to sign-in.
SIGNED_IN_URL_NAMES = frozenset(
    {
        "accounts:account",
        "accounts:hub_switch",
        "account_reauthenticate",
        "account_request_reauthentication_code",
        "account_confirm_reauthentication_code",
        "account_email",
        "account_change_password",
        "account_set_password",
        "mfa_index",
        "mfa_reauthenticate",
        "mfa_activate_totp",
        "mfa_deactivate_totp",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
        "usersessions_list",
    }
)

# Django's admin guards itself (staff only, through Tutti's sign-in); tests/test_admin.py covers it.
SELF_GUARDED_NAMESPACES = frozenset({"admin"})


@dataclass(frozen=True)
class AccessRule:
    """One URL of the access matrix.

    ``roles``: the hub roles that open it (empty with ``national=True`` for national officers only).
    ``make_kwargs``: builds hub A's record the URL names and returns the URL's kwargs; a URL with a record
    is a 404 for hub B. ``method``/``data``: how to request it; ``ok_status``: what the right role gets.
    """

    url_name: str
    roles: frozenset[Role] = field(default_factory=frozenset)
    make_kwargs: Callable[[HubArea], dict[str, Any]] | None = None
    method: str = "get"
    data: dict[str, Any] | None = None
    ok_status: int = 200
    national: bool = False

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.url_name}"


def person(*, hub: HubArea | None, roles: Iterable[Role], email: str | None = None, two_factor: bool = True) -> User:
    """A person with an active membership of the hub (or the national team) holding these roles."""
    email = email or f"person{User.objects.count() + 1}-{time.monotonic_ns()}@example.org"
    user = User.objects.create_user(email=email, password=None)
    if hub is None:
        national_officer_appoint(user=user)
    else:
        membership = Membership.objects.create(user=user, hub=hub)
        for role in roles:
            MembershipRole.objects.create(membership=membership, role=role)
    if two_factor:
        Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    return user


def sign_in(client: Client, user: User, *, two_factor: bool = True) -> Client:
    """Sign the person in as allauth would after their password and (when asked) their authenticator code."""
    client.force_login(user, backend=settings.AUTHENTICATION_BACKENDS[-1])
    session = client.session
    records: list[dict[str, Any]] = [{"method": "password", "at": time.time(), "email": user.email}]
    if two_factor:
        records.append({"method": "mfa", "at": time.time(), "type": "totp"})
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session["account_authentication_methods_user"] = session[SESSION_KEY]
    session.save()
    return client


def sign_in_browser(context: Any, user: User, *, url: str) -> None:
    """Sign the person into a Playwright browser context (as `sign_in` does for the test client)."""
    client = sign_in(Client(), user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": url}])


def _expect(condition: bool, message: str) -> None:
    """An assertion that survives python -O and names the URL and the person in its message."""
    if not condition:
        raise AssertionError(message)


def _request(client: Client, rule: AccessRule, url: str) -> HttpResponse:
    method = getattr(client, rule.method)
    return method(url, data=rule.data or {})


def _role_outside(roles: frozenset[Role]) -> Role:
    return next(role for role in HUB_ROLES if role not in roles)


def check_access(rule: AccessRule, *, hub_a: HubArea, hub_b: HubArea) -> None:
    """Request the rule's URL as the four people of the matrix and assert what each gets."""
    kwargs = rule.make_kwargs(hub_a) if rule.make_kwargs else {}
    url = reverse(rule.url_name, kwargs=kwargs)

    response = _request(Client(), rule, url)
    _expect(response.status_code == 302, f"{rule}: signed out got {response.status_code}, not a redirect")
    _expect(response["Location"].startswith(reverse(settings.LOGIN_URL)), f"{rule}: signed out not sent to sign-in")

    if rule.national:
        right = person(hub=None, roles=[Role.NATIONAL_OFFICER])
        wrong = person(hub=hub_a, roles=HUB_ROLES)
    else:
        right = person(hub=hub_a, roles=sorted(rule.roles)[:1])
        wrong = person(hub=hub_a, roles=[_role_outside(rule.roles)])

    response = _request(sign_in(Client(), wrong), rule, url)
    _expect(response.status_code == 403, f"{rule}: a member without the role got {response.status_code}, not 403")

    response = _request(sign_in(Client(), right), rule, url)
    _expect(response.status_code == rule.ok_status, f"{rule}: the right role got {response.status_code}")

    if rule.national:
        return
    other = person(hub=hub_b, roles=sorted(rule.roles)[:1])
    response = _request(sign_in(Client(), other), rule, url)
    if rule.make_kwargs is not None:
        _expect(response.status_code == 404, f"{rule}: the same role in another hub got {response.status_code}")
    else:
        _expect(response.status_code == rule.ok_status, f"{rule}: another hub's role got {response.status_code}")
        _expect(
            hub_a.name not in response.content.decode(errors="replace"),
            f"{rule}: another hub's page mentions {hub_a.name}",
        )


def _walk(patterns: Iterable[URLPattern | URLResolver], namespaces: tuple[str, ...]) -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            yield from _walk(pattern.url_patterns, inner)
        else:
            yield ":".join((*namespaces, pattern.name or f"<unnamed {pattern.pattern}>"))


def all_url_names() -> set[str]:
    """Every URL pattern of the project by its full name (namespace:name)."""
    return set(_walk(get_resolver().url_patterns, ()))


def _matrix_modules() -> Iterator[Any]:
    for config in apps.get_app_configs():
        if not config.name.startswith("tutti."):
            continue
        try:
            yield importlib.import_module(f"{config.name}.tests.access_matrix")
        except ModuleNotFoundError as error:
            if error.name not in {f"{config.name}.tests", f"{config.name}.tests.access_matrix"}:
                raise


def project_matrix() -> list[AccessRule]:
    """Every module's MATRIX, from tutti/<module>/tests/access_matrix.py where the module has one."""
    return [rule for module in _matrix_modules() for rule in module.MATRIX]


def module_url_names(attribute: str) -> set[str]:
    """URL names a module's access matrix lists under ``attribute`` (its own public pages, say)."""
    return {name for module in _matrix_modules() for name in getattr(module, attribute, ())}


def uncovered_url_names() -> list[str]:
    """URL names that are neither public, personal, self-guarded nor in any module's access matrix.

    A later module lists its own public pages as PUBLIC_URL_NAMES in its access_matrix.py, and pages of
    its own kind of person (a guardian's) with the tests that cover them as COVERED_URL_NAMES.
    """
    covered = (
        PUBLIC_URL_NAMES
        | SIGNED_IN_URL_NAMES
        | {rule.url_name for rule in project_matrix()}
        | module_url_names("PUBLIC_URL_NAMES")
        | module_url_names("COVERED_URL_NAMES")
    )
    return sorted(
        name for name in all_url_names() if name not in covered and name.split(":", 1)[0] not in SELF_GUARDED_NAMESPACES
    )
