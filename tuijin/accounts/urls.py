from django.urls import path

from . import views

urlpatterns = [
    path("users/", views.user_list_view, name="user-list"),
    path("users/add/", views.user_add_view, name="user-add"),
    path("users/<int:pk>/", views.user_edit_view, name="user-edit"),
    path("users/<int:pk>/active/", views.user_active_view, name="user-active"),
]
