from django.urls import path

from mscos.podcasts import views

urlpatterns = [path("feed.xml", views.feed, name="podcast_feed")]
