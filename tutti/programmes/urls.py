from django.urls import path

from tutti.programmes.views import activities, calendars, enrolments, lists, registers, workforce

app_name = "programmes"

urlpatterns = [
    path("calendars/", calendars.calendar_list, name="calendars"),
    path("calendars/<int:year>/", calendars.calendar_detail, name="calendar"),
    path("activities/", lists.activity_list, name="activities"),
    path("activities/new/", activities.activity_create, name="activity_create"),
    path("activities/<uuid:public_id>/", activities.activity_detail, name="activity"),
    path("activities/<uuid:public_id>/edit/", activities.activity_edit, name="activity_edit"),
    path(
        "activities/<uuid:public_id>/weekly-times/<int:slot_id>/remove/",
        activities.weekly_time_remove,
        name="weekly_time_remove",
    ),
    path("activities/<uuid:public_id>/enrol/", enrolments.activity_enrol, name="activity_enrol"),
    path("enrolments/", lists.enrolment_list, name="enrolments"),
    path("enrolments/<uuid:public_id>/offer/", enrolments.enrolment_offer, name="enrolment_offer"),
    path("enrolments/<uuid:public_id>/accept/", enrolments.enrolment_accept, name="enrolment_accept"),
    path("enrolments/<uuid:public_id>/complete/", enrolments.enrolment_complete, name="enrolment_complete"),
    path("enrolments/<uuid:public_id>/withdraw/", enrolments.enrolment_withdraw, name="enrolment_withdraw"),
    path("enrolments/<uuid:public_id>/transfer/", enrolments.enrolment_transfer, name="enrolment_transfer"),
    path("staff/", lists.staff_list, name="staff"),
    path("staff/new/", workforce.staff_create, name="staff_create"),
    path("staff/<uuid:public_id>/", workforce.staff_member, name="staff_member"),
    path("staff/<uuid:public_id>/edit/", workforce.staff_edit, name="staff_edit"),
    path("registers/", registers.today, name="today"),
    path("registers/<uuid:public_id>/", registers.register, name="register"),
    path("activities/<uuid:public_id>/attendance/", registers.activity_attendance, name="activity_attendance"),
]
