from django.apps import AppConfig


class InclusionConfig(AppConfig):
    """Fee remission and bursaries, and participation of disadvantaged and SEND children against the schools."""

    name = "tutti.inclusion"
