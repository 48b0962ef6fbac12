from django.apps import AppConfig


class InstrumentsConfig(AppConfig):
    """The asset register bought with the capital grant, loans, repairs, the capital tracker and utilisation."""

    name = "tutti.instruments"

    def ready(self) -> None:
        from tutti.accounts.workspace import register_section
        from tutti.instruments.roles import CAPITAL_ROLES, INSTRUMENT_STAFF, UTILISATION_ROLES

        register_section(
            label="Instruments and equipment",
            url_name="instruments:assets",
            roles=INSTRUMENT_STAFF,
            description="The asset register, loans, overdue loans and repairs.",
        )
        register_section(
            label="Capital grant tracker",
            url_name="instruments:capital",
            roles=CAPITAL_ROLES,
            description="Spending of each capital allocation by category, against its deadline.",
        )
        register_section(
            label="Instrument utilisation",
            url_name="instruments:utilisation",
            roles=UTILISATION_ROLES,
            description="How much of the fleet is on loan, what sits idle, and who borrows.",
        )
