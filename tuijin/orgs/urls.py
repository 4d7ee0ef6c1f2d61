from django.urls import path

from . import suggest_views, views

urlpatterns = [
    path("", views.unit_list_view, name="unit-list"),
    path("suggest/", suggest_views.unit_suggest_view, name="unit-suggest"),
    path("<int:pk>/", views.unit_detail_view, name="unit-detail"),
    path("<int:pk>/merge/", views.unit_merge_view, name="unit-merge"),
]
