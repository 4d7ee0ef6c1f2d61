from django.urls import path

from . import views

urlpatterns = [
    path("", views.cluster_list_view, name="cluster-list"),
    path("<int:pk>/", views.cluster_detail_view, name="cluster-detail"),
]
