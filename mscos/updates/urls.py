from django.urls import path

from mscos.updates import feeds, views

app_name = "updates"

urlpatterns = [
    path("", views.archive, name="archive"),
    path("latest/", views.latest, name="latest"),
    path("feed/", feeds.UpdatesFeed(), name="feed"),
    path("feed/atom/", feeds.AtomUpdatesFeed(), name="feed_atom"),
]
