from django.urls import path

from tutti.families.views import joining, portal

app_name = "families"

urlpatterns = [
    path("", portal.home, name="home"),
    path("join/<uuid:public_id>/", joining.join, name="join"),
    path("apply/<uuid:public_id>/", joining.apply, name="apply"),
    path("apply/<uuid:public_id>/myself/", joining.apply_myself, name="apply_myself"),
    path("verify-email/", joining.verify_email, name="verify_email"),
    path("verify-email/send-again/", joining.verify_email_resend, name="verify_email_resend"),
    path("children/<uuid:public_id>/", portal.child, name="child"),
    path("children/<uuid:public_id>/contact/", portal.contact, name="contact"),
    path("children/<uuid:public_id>/consents/", portal.consents, name="consents"),
    path("places/<uuid:public_id>/accept/", portal.accept, name="accept"),
    path("places/<uuid:public_id>/withdraw/", portal.withdraw, name="withdraw"),
]
