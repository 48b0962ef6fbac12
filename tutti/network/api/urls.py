from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from tutti.network.api import views

app_name = "api"

# SimpleRouter, not DefaultRouter: the root is our own docs page, not DRF's browsable index.
router = SimpleRouter()
router.register("hub-areas", views.HubAreaViewSet, basename="hub-area")
router.register("local-authorities", views.LocalAuthorityViewSet, basename="local-authority")
router.register("lead-organisations", views.LeadOrganisationViewSet, basename="lead-organisation")
router.register("allocations", views.FundingAllocationViewSet, basename="allocation")

urlpatterns = [
    path("", views.api_docs, name="docs"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("", include(router.urls)),
]
