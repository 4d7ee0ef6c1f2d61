from django.urls import path

from . import calendar_views, change_views, views

urlpatterns = [
    path("", views.overview, name="overview"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("changes/", change_views.change_log_view, name="change-log"),
    path("changes/export.xlsx", change_views.change_log_export_view, name="change-log-export"),
    path("calendar/", calendar_views.calendar_view, name="calendar"),
    path("calendar/clear/", calendar_views.calendar_clear_view, name="calendar-clear"),
]
