from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    """The Schools function: the national schools register (GIAS) and each hub's engagement with its schools."""

    name = "tutti.schools"
