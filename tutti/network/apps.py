from django.apps import AppConfig


class NetworkConfig(AppConfig):
    """The national picture: hub areas, local authorities, lead organisations, funding, the map."""

    name = "tutti.network"
