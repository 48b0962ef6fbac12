from django.urls import path

from tutti.accounts import views

app_name = "accounts"

urlpatterns = [
    path("accounts/", views.account_overview, name="account"),
    path("hub/", views.hub_home, name="hub_home"),
    path("hub/switch/", views.hub_switch, name="hub_switch"),
    path("hub/team/", views.team, name="team"),
    path("hub/team/invite/", views.team_invite, name="team_invite"),
    path("hub/team/<uuid:public_id>/", views.team_member, name="team_member"),
    path("hub/team/<uuid:public_id>/disable/", views.team_member_disable, name="team_member_disable"),
    path("hub/team/<uuid:public_id>/enable/", views.team_member_enable, name="team_member_enable"),
    path("hub/audit/", views.audit_log, name="audit_log"),
    path("national/", views.national, name="national"),
    path("national/hub-areas.csv", views.national_csv, name="national_csv"),
    path("national/hub-areas.xlsx", views.national_xlsx, name="national_xlsx"),
]
