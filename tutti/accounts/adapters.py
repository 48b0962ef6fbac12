"""How django-allauth behaves in Tutti: nobody signs themselves up; hub administrators invite people."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Passwords are throttled by django-axes per account and address (tutti.accounts.throttling).

        allauth's own check here would count failures per account from anywhere, so anyone could lock a
        known administrator out; its "login_failed" limit is kept only for authenticator codes.
        """
