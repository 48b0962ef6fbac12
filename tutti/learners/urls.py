from django.urls import path

from tutti.learners import api
from tutti.learners.views import class_lists, duplicates, family, importing, learners, progression

app_name = "learners"

urlpatterns = [
    path("", learners.learner_list, name="learner_list"),
    path("learners.csv", learners.learner_list_csv, name="learner_list_csv"),
    path("learners.xlsx", learners.learner_list_xlsx, name="learner_list_xlsx"),
    path("new/", learners.learner_new, name="learner_new"),
    path("import/", importing.learner_import, name="learner_import"),
    path("class-lists/", class_lists.class_list_import_page, name="class_list_import"),
    path("class-lists/<uuid:activity_id>/", class_lists.class_list_import_for, name="class_list_import_for"),
    path("progression/", progression.progression, name="progression"),
    path("duplicates/", duplicates.duplicate_list, name="duplicate_list"),
    path("merge/", duplicates.learner_merge, name="learner_merge"),
    path("api/learners/", api.learner_list_api, name="api_learner_list"),
    path("api/learners/<uuid:public_id>/", api.learner_detail_api, name="api_learner_detail"),
    path("<uuid:public_id>/", learners.learner_detail, name="learner_detail"),
    path("<uuid:public_id>/edit/", learners.learner_edit, name="learner_edit"),
    path("<uuid:public_id>/attendance/", learners.learner_attendance, name="learner_attendance"),
    path("<uuid:public_id>/guardians/new/", family.guardian_new, name="guardian_new"),
    path("<uuid:public_id>/consents/new/", family.consent_new, name="consent_new"),
    path("<uuid:public_id>/milestones/new/", family.milestone_new, name="milestone_new"),
]
