from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """People, their memberships of hubs (or of the national team), roles, sign-in with 2FA, the audit log."""

    name = "tutti.accounts"
