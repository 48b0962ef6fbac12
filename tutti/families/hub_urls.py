"""The hub's own pages of the families module (under /hub/families/)."""

from django.urls import path

from tutti.families.views import staff

app_name = "families_hub"

urlpatterns = [
    path("matches/", staff.matches, name="matches"),
    path("matches/<int:pk>/", staff.match_decide, name="match_decide"),
    path("consents/", staff.consent_questions, name="consent_questions"),
]
