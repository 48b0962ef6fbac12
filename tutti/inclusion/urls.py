from django.urls import path

from tutti.inclusion.views import applications, participation, schemes

app_name = "inclusion"

urlpatterns = [
    path("", schemes.home, name="home"),
    path("schemes/new/", schemes.scheme_new, name="scheme_new"),
    path("schemes/<uuid:public_id>/", schemes.scheme_detail, name="scheme"),
    path("schemes/<uuid:public_id>/edit/", schemes.scheme_edit, name="scheme_edit"),
    path("schemes/<uuid:public_id>/rules/new/", schemes.rule_new, name="rule_new"),
    path("schemes/<uuid:public_id>/rules/<int:rule_id>/remove/", schemes.rule_delete, name="rule_delete"),
    path("schemes/<uuid:public_id>/renewals/", schemes.renewals, name="renewals"),
    path("applications/new/", applications.application_new, name="application_new"),
    path("applications/<uuid:public_id>/", applications.application_detail, name="application"),
    path("applications/<uuid:public_id>/evidence/", applications.evidence_new, name="evidence_new"),
    path("evidence/<uuid:public_id>/", applications.evidence_download, name="evidence_download"),
    path("participation/", participation.participation_page, name="participation"),
    path("participation.csv", participation.participation_csv, name="participation_csv"),
]
