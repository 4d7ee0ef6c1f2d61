from django.urls import path

from . import excel_views, views

urlpatterns = [
    path("tasks/", views.task_list_view, name="task-list"),
    path("tasks/<int:pk>/", views.task_detail_view, name="task-detail"),
    path("tasks/import/", excel_views.task_import_view, name="task-import"),
    path("tasks/export.xlsx", excel_views.task_export_view, name="task-export"),
    path("targets/", views.target_list_view, name="target-list"),
    path("targets/<int:pk>/", views.target_detail_view, name="target-detail"),
]
