app_name = "school_survey"

urlpatterns: list = []
