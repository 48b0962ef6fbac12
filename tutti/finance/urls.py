from django.urls import path

from tutti.finance.views import grants, ledger, sustainability

app_name = "finance"

urlpatterns = [
    path("", ledger.overview, name="overview"),
    path("budget/new/", ledger.budget_line_new, name="budget_line_new"),
    path("budget/<uuid:public_id>/edit/", ledger.budget_line_edit, name="budget_line_edit"),
    path("income/", ledger.income_list, name="income_list"),
    path("income/new/", ledger.income_new, name="income_new"),
    path("spending/", ledger.spending_list, name="spending_list"),
    path("spending/new/", ledger.spending_new, name="spending_new"),
    path("import/", ledger.finance_import, name="import"),
    path("grants/", grants.grant_list, name="grant_list"),
    path("grants/new/", grants.grant_new, name="grant_new"),
    path("grants/<uuid:public_id>/", grants.grant_detail, name="grant_detail"),
    path("grants/<uuid:public_id>/payments/new/", grants.grant_payment_new, name="grant_payment_new"),
    path("grants/<uuid:public_id>/deadlines/new/", grants.grant_deadline_new, name="grant_deadline_new"),
    path("sustainability/", sustainability.sustainability, name="sustainability"),
    path("sustainability.csv", sustainability.sustainability_csv, name="sustainability_csv"),
    path("sustainability.xlsx", sustainability.sustainability_xlsx, name="sustainability_xlsx"),
]
