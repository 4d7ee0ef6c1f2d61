"""Reporting pages (cycles, period boards, submissions, warnings) are added by the web issue."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
