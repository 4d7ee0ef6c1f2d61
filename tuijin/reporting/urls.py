"""Reporting pages under /reporting/."""

from django.urls import URLPattern, URLResolver, path

from . import exports, period_views, views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", period_views.cycle_list_view, name="reporting-cycle-list"),
    path("cycles/new/", period_views.cycle_create_view, name="reporting-cycle-create"),
    path("cycles/<int:pk>/open/", period_views.period_open_view, name="reporting-period-open"),
    path("cycles/open-due/", period_views.periods_open_due_view, name="reporting-periods-open-due"),
    path("periods/<int:pk>/", period_views.period_board_view, name="reporting-period-board"),
    path("periods/<int:pk>/close/", period_views.period_close_view, name="reporting-period-close"),
    path("periods/<int:pk>/start/", views.submission_start_view, name="reporting-submission-start"),
    path("submissions/", views.submission_list_view, name="reporting-submissions"),
    path("submissions/<int:pk>/", views.submission_detail_view, name="reporting-submission-detail"),
    path(
        "submissions/<int:pk>/edit/", views.submission_edit_view, name="reporting-submission-edit"
    ),
    path(
        "submissions/<int:pk>/return/",
        views.submission_return_view,
        name="reporting-submission-return",
    ),
    path(
        "submissions/<int:pk>/accept/",
        views.submission_accept_view,
        name="reporting-submission-accept",
    ),
    path(
        "attachments/<int:pk>/",
        views.attachment_download_view,
        name="reporting-attachment-download",
    ),
    path(
        "attachments/<int:pk>/remove/",
        views.attachment_remove_view,
        name="reporting-attachment-remove",
    ),
    path("my/", views.my_reports_view, name="reporting-my"),
    path("notices/", views.notices_view, name="reporting-notices"),
    path("rules/", views.rules_view, name="reporting-rules"),
    path("warnings/", views.warning_list_view, name="reporting-warnings"),
    path("warnings/export.xlsx", exports.warning_export_view, name="reporting-warning-export"),
    path(
        "periods/<int:pk>/export.xlsx",
        exports.period_export_view,
        name="reporting-period-export",
    ),
]
