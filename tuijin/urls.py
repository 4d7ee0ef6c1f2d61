from django.contrib import admin
from django.urls import include, path

from tuijin.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("tuijin.core.urls")),
    path("units/", include("tuijin.orgs.urls")),
    path("areas/", include("tuijin.geo.urls")),
    path("clusters/", include("tuijin.industry.urls")),
    path("documents/", include("tuijin.documents.urls")),
    path("", include("tuijin.plans.urls")),
    path("projects/", include("tuijin.projects.urls")),
    path("reporting/", include("tuijin.reporting.urls")),
    path("accounts/", include("tuijin.accounts.urls")),
]
