from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    """The public side: what a hub offers children and families, where, when and at what cost."""

    name = "tutti.opportunities"

    def ready(self) -> None:
        from tutti.opportunities import registration

        registration.register()
