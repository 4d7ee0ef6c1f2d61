from django.urls import path

from . import excel_views, views

urlpatterns = [
    path("", views.project_list_view, name="project-list"),
    path("<int:pk>/", views.project_detail_view, name="project-detail"),
    path("import/", excel_views.project_import_view, name="project-import"),
    path("export.xlsx", excel_views.project_export_view, name="project-export"),
]
