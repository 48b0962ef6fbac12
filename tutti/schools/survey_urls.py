from django.urls import path

from tutti.schools import survey_views

app_name = "school_survey"

urlpatterns = [
    path("<str:token>/", survey_views.survey_form, name="form"),
]
