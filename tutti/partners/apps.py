from django.apps import AppConfig


class PartnersConfig(AppConfig):
    """The Partnerships function: a hub's partner organisations, agreements, pass-through shares and board."""

    name = "tutti.partners"
