from django.apps import AppConfig


class PartnersConfig(AppConfig):
    """The Partnerships function: a hub's partner organisations, agreements, pass-through shares and board."""

    name = "tutti.partners"

    def ready(self) -> None:
        from tutti.accounts.workspace import register_section
        from tutti.partners.roles import READERS

        register_section(
            label="Partners",
            url_name="partners:partner_list",
            roles=READERS,
            description="Partner organisations, agreements, shares, the board and the partnership map.",
        )
        register_section(
            label="My follow-ups",
            url_name="partners:my_follow_ups",
            roles=READERS,
            description="Follow-ups from meetings and visits that you own, overdue first.",
        )
