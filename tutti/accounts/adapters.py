"""How django-allauth behaves in Tutti: nobody signs themselves up through allauth's own form.

Hub administrators invite staff; families create their account from an activity's public page (the
families module), and allauth verifies their email address.
"""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import resolve_url


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Passwords are throttled by django-axes per account and address (tutti.accounts.throttling).

        allauth's own check here would count failures per account from anywhere, so anyone could lock a
        known administrator out; its "login_failed" limit is kept only for authenticator codes.
        """

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        # Someone with no active membership of a hub or of the national team is a family: their home
        # is the family portal (FAMILY_HOME_URL), not the hub workspace that would refuse them.
        user = request.user
        if user.is_authenticated and not user.memberships.filter(disabled_at__isnull=True).exists():
            return resolve_url(settings.FAMILY_HOME_URL)
        return super().get_login_redirect_url(request)
