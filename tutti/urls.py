from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("tutti.network.urls")),
    path("", include("tutti.core.urls")),
    path("api/", include("tutti.network.api.urls")),
    path("admin/", admin.site.urls),
]
