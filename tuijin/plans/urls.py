from django.urls import path

from . import views

urlpatterns = [
    path("tasks/", views.task_list_view, name="task-list"),
    path("tasks/<int:pk>/", views.task_detail_view, name="task-detail"),
    path("targets/", views.target_list_view, name="target-list"),
    path("targets/<int:pk>/", views.target_detail_view, name="target-detail"),
]
