from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    """The hub's teaching: term calendars, activities, sessions, the workforce, enrolments and registers."""

    name = "tutti.programmes"
