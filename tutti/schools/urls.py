from django.urls import path

from tutti.schools import api, register_views, survey_views, views

app_name = "schools"

urlpatterns = [
    path("", views.school_list, name="list"),
    path("schools.csv", views.school_list_csv, name="list_csv"),
    path("schools.xlsx", views.school_list_xlsx, name="list_xlsx"),
    path("coverage/", views.coverage, name="coverage"),
    path("import/", register_views.register_import, name="register_import"),
    path("survey/", survey_views.survey_replies, name="survey_replies"),
    path("<int:urn>/", views.school_detail, name="detail"),
    path("<int:urn>/engagement/<int:year>/", views.engagement_edit, name="engagement_edit"),
    path("<int:urn>/survey-link/", survey_views.survey_link_create_view, name="survey_link_create"),
    path("api/schools/", api.school_list_api, name="api_school_list"),
    path("api/schools/<int:urn>/", api.school_detail_api, name="api_school_detail"),
]
