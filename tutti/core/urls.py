from django.urls import path
from django.views.generic import TemplateView

from tutti.core import views

app_name = "core"

urlpatterns = [
    path("health/", views.health, name="health"),
    path("accessibility/", TemplateView.as_view(template_name="core/accessibility.html"), name="accessibility"),
    path("privacy/", TemplateView.as_view(template_name="core/privacy.html"), name="privacy"),
]
