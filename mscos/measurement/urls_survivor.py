"""The survivor's own one-time check-in link (#20), included from mscos/urls.py."""

from django.urls import path  # noqa: F401  (routes are added as the pages are built)

app_name = "survivor"
urlpatterns: list = []
