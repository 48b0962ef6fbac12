from django.apps import AppConfig


class InclusionConfig(AppConfig):
    """Fee remission and bursaries, and participation of disadvantaged and SEND children against the schools."""

    name = "tutti.inclusion"

    def ready(self) -> None:
        from tutti.accounts.workspace import register_section
        from tutti.inclusion.roles import ANALYTICS_ROLES, REMISSION_ROLES

        register_section(
            label="Fee remission",
            url_name="inclusion:home",
            roles=REMISSION_ROLES,
            description="Remission schemes, families' applications and their evidence, decisions and the budget.",
        )
        register_section(
            label="Inclusion and participation",
            url_name="inclusion:participation",
            roles=ANALYTICS_ROLES,
            description="Disadvantaged, SEND, looked-after children and ethnicity in the hub's teaching, "
            "against its schools.",
        )
