from django.apps import AppConfig


class FamiliesConfig(AppConfig):
    """Guardian accounts and the family portal: a guardian's own children, their places, timetable and consents."""

    name = "tutti.families"

    def ready(self) -> None:
        from tutti.families import registration

        registration.register()
