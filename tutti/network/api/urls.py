from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from tutti.network.api import views

app_name = "api"

urlpatterns = [
    path("", views.api_docs, name="docs"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
]
