from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    """The hub's teaching: term calendars, activities, sessions, the workforce, enrolments and registers."""

    name = "tutti.programmes"

    def ready(self) -> None:
        from django.utils import timezone

        from tutti.accounts.models import Role
        from tutti.accounts.workspace import register_section, register_today_panel
        from tutti.programmes.selectors import schools_taught
        from tutti.programmes.views.access import MANAGERS, REGISTER_ROLES
        from tutti.programmes.views.registers import day_registers
        from tutti.schools.teaching import register_teaching_source

        # A tutor's day is their registers: the hub's home opens on them.
        register_today_panel(
            key="programmes:registers",
            template="programmes/_today_panel.html",
            roles=[Role.TUTOR],
            context=lambda request: day_registers(request, timezone.localdate()),
        )

        register_teaching_source(name="programmes", schools_taught=schools_taught)

        register_section(
            label="Today's registers",
            url_name="programmes:today",
            roles=REGISTER_ROLES,
            description="Mark today's sessions.",
        )
        register_section(
            label="Activities",
            url_name="programmes:activities",
            roles=MANAGERS,
            description="Classes, lessons, ensembles and choirs, their sessions and enrolments.",
        )
        register_section(
            label="Workforce",
            url_name="programmes:staff",
            roles=MANAGERS,
            description="Tutors and staff, safeguarding checks and training, and what expires soon.",
        )
        register_section(
            label="Term calendars",
            url_name="programmes:calendars",
            roles=MANAGERS,
            description="Terms, half-terms and closure days for each academic year.",
        )
