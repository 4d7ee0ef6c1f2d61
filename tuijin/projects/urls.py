from django.urls import path

from . import views

urlpatterns = [
    path("", views.project_list_view, name="project-list"),
    path("<int:pk>/", views.project_detail_view, name="project-detail"),
]
