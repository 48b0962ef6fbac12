from django.apps import AppConfig
from django.core import checks


class AccountsConfig(AppConfig):
    """People, their memberships of hubs (or of the national team), roles, sign-in with 2FA, the audit log."""

    name = "tutti.accounts"

    def ready(self) -> None:
        from tutti.accounts import signals  # noqa: F401 - connects the sign-in audit receivers
        from tutti.accounts.tenancy import check_hub_scoped_models

        checks.register(check_hub_scoped_models, checks.Tags.models)
