from django.apps import AppConfig


class LearnersConfig(AppConfig):
    """Children and young people (minimal personal data), their guardians and consents, and their progression."""

    name = "tutti.learners"

    def ready(self) -> None:
        from tutti.accounts.workspace import register_section
        from tutti.learners.field_access import HUB_WIDE_ROLES, LEARNER_ROLES

        register_section(
            label="Learners",
            url_name="learners:learner_list",
            roles=LEARNER_ROLES,
            description="Children and young people, their guardians and consents.",
        )
        register_section(
            label="Progression",
            url_name="learners:progression",
            roles=HUB_WIDE_ROLES,
            description="Where the children of each year's whole-class teaching went next.",
        )
