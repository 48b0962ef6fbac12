"""What the families module adds to earlier modules: the joining page, enrolment emails, a workspace section."""


def register() -> None:
    from tutti.accounts.models import Role
    from tutti.accounts.workspace import register_section
    from tutti.families.notifications import enrolment_changed
    from tutti.opportunities.joining import register_join_page
    from tutti.programmes.enrolment_news import register_listener

    register_join_page("families:join")
    register_listener("families", enrolment_changed)
    register_section(
        label="Children added by families",
        url_name="families_hub:matches",
        roles=[Role.PROGRAMME_MANAGER, Role.HUB_ADMINISTRATOR],
        description="Children a family added who may be children the hub already knows: confirm or keep apart.",
    )
    register_section(
        label="Consents families are asked",
        url_name="families_hub:consent_questions",
        roles=[Role.HUB_ADMINISTRATOR],
        description="Photography and data sharing, in the hub's own words, asked when a family applies online.",
    )
