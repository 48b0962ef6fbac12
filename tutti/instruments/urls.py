from django.urls import path

from tutti.instruments.views import assets, figures, importing, loans

app_name = "instruments"

urlpatterns = [
    path("", assets.asset_list, name="assets"),
    path("new/", assets.asset_new, name="asset_new"),
    path("import/", importing.asset_import, name="asset_import"),
    path("capital/", figures.capital, name="capital"),
    path("utilisation/", figures.utilisation_page, name="utilisation"),
    path("loans/", loans.loan_list, name="loans"),
    path("loans/overdue/", loans.overdue_list, name="overdue"),
    path("loans/<uuid:public_id>/agreement/", loans.loan_agreement, name="loan_agreement"),
    path("loans/<uuid:public_id>/return/", loans.loan_return_view, name="loan_return"),
    path("loans/<uuid:public_id>/cancel/", loans.loan_cancel_view, name="loan_cancel"),
    path("learners/<uuid:public_id>/", loans.learner_loans, name="learner_loans"),
    path("schools/<int:urn>/", loans.school_loans, name="school_loans"),
    path("assets/<uuid:public_id>/", assets.asset_detail, name="asset"),
    path("assets/<uuid:public_id>/edit/", assets.asset_edit, name="asset_edit"),
    path("assets/<uuid:public_id>/lend/", loans.asset_lend, name="asset_lend"),
    path("assets/<uuid:public_id>/retire/", assets.asset_retire_view, name="asset_retire"),
    path("assets/<uuid:public_id>/repair/", assets.repair_start_view, name="repair_start"),
    path("assets/<uuid:public_id>/repair/finish/", assets.repair_finish_view, name="repair_finish"),
]
