"""The hub's own pages of the opportunities module (under /hub/opportunities/)."""

from django.urls import path

from tutti.opportunities.views import manage

app_name = "opportunities_hub"

urlpatterns = [
    path("activities/<uuid:public_id>/listing/", manage.listing_edit, name="listing_edit"),
    path("documents/", manage.documents, name="documents"),
    path("documents/<uuid:public_id>/withdraw/", manage.document_withdrawal, name="document_withdraw"),
]
