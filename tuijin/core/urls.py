from django.urls import path

from . import calendar_views, change_views, job_views, views

urlpatterns = [
    path("", views.overview, name="overview"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("changes/", change_views.change_log_view, name="change-log"),
    path("changes/export.xlsx", change_views.change_log_export_view, name="change-log-export"),
    path("calendar/", calendar_views.calendar_view, name="calendar"),
    path("jobs/<int:pk>/", job_views.job_detail_view, name="job-detail"),
    path("jobs/<int:pk>/download/", job_views.job_download_view, name="job-download"),
    path("calendar/clear/", calendar_views.calendar_clear_view, name="calendar-clear"),
]
