from django.urls import path
from rest_framework.routers import SimpleRouter

from tutti.partners.api.views import PartnerViewSet
from tutti.partners.views import agreements, interactions, map, partners

app_name = "partners"

router = SimpleRouter()
router.register("api/partners", PartnerViewSet, basename="api-partner")

urlpatterns = [
    path("", partners.partner_list, name="partner_list"),
    path("partners.csv", partners.partner_list_csv, name="partner_list_csv"),
    path("partners.xlsx", partners.partner_list_xlsx, name="partner_list_xlsx"),
    path("new/", partners.partner_new, name="partner_new"),
    path("<uuid:public_id>/", partners.partner_detail, name="partner_detail"),
    path("<uuid:public_id>/edit/", partners.partner_edit, name="partner_edit"),
    path("<uuid:public_id>/archive/", partners.partner_archive, name="partner_archive"),
    path("<uuid:public_id>/unarchive/", partners.partner_unarchive, name="partner_unarchive"),
    path("<uuid:public_id>/contacts/new/", partners.contact_new, name="contact_new"),
    path("contacts/<uuid:public_id>/remove/", partners.contact_remove, name="contact_remove"),
    path("<uuid:public_id>/agreements/new/", agreements.agreement_new, name="agreement_new"),
    path("agreements/<uuid:public_id>/edit/", agreements.agreement_edit, name="agreement_edit"),
    path("shares/", agreements.share_list, name="share_list"),
    path("shares/new/", agreements.share_new, name="share_new"),
    path("shares/<uuid:public_id>/remove/", agreements.share_remove, name="share_remove"),
    path("board/", agreements.board, name="board"),
    path("board/new/", agreements.board_member_new, name="board_member_new"),
    path("board/<uuid:public_id>/remove/", agreements.board_member_remove, name="board_member_remove"),
    path("map/", map.partnership_map, name="map"),
    path(
        "interactions/new/<str:subject_type>/<uuid:public_id>/",
        interactions.interaction_new,
        name="interaction_new",
    ),
    path("follow-ups/", interactions.my_follow_ups, name="my_follow_ups"),
    path("follow-ups/<uuid:public_id>/done/", interactions.follow_up_complete, name="follow_up_complete"),
    *router.urls,
]
