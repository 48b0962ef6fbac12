from django.apps import AppConfig


class FinanceConfig(AppConfig):
    """The Sustainability function's money: grants, budgets, income, spending and the sustainability figures.

    Fees and invoices to families and schools will join as their own model, service and view modules.
    """

    name = "tutti.finance"

    def ready(self) -> None:
        from tutti.accounts.workspace import register_section
        from tutti.finance.roles import READERS

        register_section(
            label="Finance",
            url_name="finance:overview",
            roles=READERS,
            description="Grants, the budget against spending to date, income and the year-end forecast.",
        )
        register_section(
            label="Sustainability figures",
            url_name="finance:sustainability",
            roles=READERS,
            description="Income by source, leverage of the DfE grant, spending by function, cost per learner.",
        )
