from django.urls import path

from tutti.network import views

app_name = "network"

urlpatterns = [
    path("", views.home, name="home"),
    path("hubs/", views.hub_list, name="hub_list"),
    path("hubs/<slug:slug>/", views.hub_detail, name="hub_detail"),
    path("map/", views.hub_map, name="map"),
    path("downloads/", views.downloads, name="downloads"),
    path("downloads/hub-lead-organisations.csv", views.lead_organisations_csv, name="lead_organisations_csv"),
    path("downloads/hub-areas-and-funding.csv", views.hub_areas_csv, name="hub_areas_csv"),
    path("downloads/hub-areas-and-funding.xlsx", views.hub_areas_xlsx, name="hub_areas_xlsx"),
]
