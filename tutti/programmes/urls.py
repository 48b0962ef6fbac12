from django.urls import path

from tutti.programmes.views import calendars, lists, registers

app_name = "programmes"

urlpatterns = [
    path("calendars/", calendars.calendar_list, name="calendars"),
    path("calendars/<int:year>/", calendars.calendar_detail, name="calendar"),
    path("activities/", lists.activity_list, name="activities"),
    path("enrolments/", lists.enrolment_list, name="enrolments"),
    path("staff/", lists.staff_list, name="staff"),
    path("registers/", registers.today, name="today"),
    path("registers/<uuid:public_id>/", registers.register, name="register"),
    path("activities/<uuid:public_id>/attendance/", registers.activity_attendance, name="activity_attendance"),
    path("learners/<uuid:public_id>/attendance/", registers.learner_attendance, name="learner_attendance"),
]
