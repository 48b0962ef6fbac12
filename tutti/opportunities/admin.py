"""The opportunities tables in Django's admin: look-ups only.

Hubs change listings and documents through their own pages, where the audit log and the public pages'
cache revision apply; the admin must not be a way around them.
"""

from django.contrib import admin

from tutti.opportunities.models import HubDocument, Listing, PostcodeDistrict, Venue
from tutti.programmes.admin import ReadOnlyAdmin


@admin.register(PostcodeDistrict)
class PostcodeDistrictAdmin(ReadOnlyAdmin):
    list_display = ["district", "latitude", "longitude"]
    search_fields = ["district"]


@admin.register(Venue)
class VenueAdmin(ReadOnlyAdmin):
    list_display = ["name", "postcode", "hub"]
    list_filter = ["hub"]
    search_fields = ["name", "postcode"]


@admin.register(Listing)
class ListingAdmin(ReadOnlyAdmin):
    list_display = ["activity", "hub", "kind", "is_public", "updated_at"]
    list_filter = ["hub", "kind", "is_public"]
    list_select_related = ["activity", "hub"]


@admin.register(HubDocument)
class HubDocumentAdmin(ReadOnlyAdmin):
    list_display = ["title", "hub", "kind", "uploaded_at", "withdrawn_at"]
    list_filter = ["hub", "kind"]
