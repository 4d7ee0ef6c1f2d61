from django.urls import path

from . import views

urlpatterns = [
    path("", views.area_list_view, name="area-list"),
    path("<int:pk>/", views.area_detail_view, name="area-detail"),
]
