"""Programme dashboards (#21), included from mscos/measurement/urls.py."""

from django.urls import path  # noqa: F401  (routes are added as the pages are built)

urlpatterns: list = []
