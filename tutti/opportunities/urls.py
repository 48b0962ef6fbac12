from django.urls import path

from tutti.opportunities.views import calendars, public

app_name = "opportunities"

urlpatterns = [
    path("", public.finder, name="finder"),
    path("calendar/", calendars.calendar, name="calendar"),
    path("calendar/<slug:slug>.ics", calendars.hub_feed, name="hub_feed"),
    path("documents/<uuid:public_id>/", public.document_download, name="document"),
    path("<uuid:public_id>/", public.listing_detail, name="listing"),
    path("<uuid:public_id>/photo/", public.listing_photo, name="photo"),
    path("<uuid:public_id>/calendar.ics", calendars.listing_feed, name="listing_feed"),
]
