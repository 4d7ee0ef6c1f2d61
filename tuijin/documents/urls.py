from django.urls import path

from . import review_views, views

urlpatterns = [
    path("", views.document_list_view, name="document-list"),
    path("upload/", review_views.document_upload, name="document-upload"),
    path("<int:pk>/", views.document_detail_view, name="document-detail"),
    path("<int:pk>/review/", review_views.document_review, name="document-review"),
]
