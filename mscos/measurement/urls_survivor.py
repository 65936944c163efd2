"""The survivor's own one-time check-in link (#20), included from mscos/urls.py under the
language prefix: /<lang>/my-check-in/<token>/ (English, the default, has no prefix)."""

from django.urls import path

from mscos.measurement import survivor_views

app_name = "survivor"
urlpatterns = [
    path("<str:token>/", survivor_views.check_in, name="check_in"),
]
