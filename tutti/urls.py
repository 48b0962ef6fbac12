from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

# The admin has no sign-in form of its own: it sends people to Tutti's, which throttles failures and
# asks for the second factor, so the admin is never the way round two-factor authentication.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("", include("tutti.network.urls")),
    path("", include("tutti.core.urls")),
    path("", include("tutti.accounts.urls")),
    path("hub/partners/", include("tutti.partners.urls")),
    path("hub/schools/", include("tutti.schools.urls")),
    path("school-survey/", include("tutti.schools.survey_urls")),
    path("hub/programmes/", include("tutti.programmes.urls")),
    path("hub/learners/", include("tutti.learners.urls")),
    path("hub/opportunities/", include("tutti.opportunities.hub_urls")),
    path("opportunities/", include("tutti.opportunities.urls")),
    path("hub/families/", include("tutti.families.hub_urls")),
    path("family/", include("tutti.families.urls")),
    path("hub/instruments/", include("tutti.instruments.urls")),
    path("hub/finance/", include("tutti.finance.urls")),
    path("hub/inclusion/", include("tutti.inclusion.urls")),
    path("accounts/", include("allauth.urls")),
    path("api/", include("tutti.network.api.urls")),
    path("admin/", admin.site.urls),
]
