from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    """The Schools function: the national schools register (GIAS) and each hub's engagement with its schools."""

    name = "tutti.schools"

    def ready(self) -> None:
        from tutti.accounts.models import STAFF_ROLES
        from tutti.accounts.workspace import register_section

        register_section(
            label="Schools",
            url_name="schools:list",
            roles=STAFF_ROLES,
            description="The area's schools, their engagement this year, survey replies and coverage.",
        )
