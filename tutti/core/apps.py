from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared base: page layout, error pages, money and academic-year formatting."""

    name = "tutti.core"
