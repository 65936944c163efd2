from django.urls import path

from mscos.forum import feeds, views, watching_views

app_name = "forum"
urlpatterns = [
    path("", views.forum_index, name="index"),
    path("search/", views.search, name="search"),
    path("watch/", views.watch, name="watch"),
    path("preferences/", views.preferences, name="preferences"),
    path("following/", watching_views.following, name="following"),
    path("digests/stop/<str:token>/", watching_views.digest_stop, name="digest_stop"),
    path("feed/rss/", feeds.ForumFeed(), name="feed_rss"),
    path("feed/atom/", feeds.AtomForumFeed(), name="feed_atom"),
    path("t/<int:topic_id>/", views.topic_detail, name="topic"),
    path("t/<int:topic_id>/reply/", views.reply, name="reply"),
    path("t/<int:topic_id>/moderate/", views.moderate_topic, name="moderate_topic"),
    path("p/<int:post_id>/", views.post_permalink, name="post"),
    path("p/<int:post_id>/edit/", views.post_edit, name="post_edit"),
    path("p/<int:post_id>/waiting/", views.post_waiting, name="post_waiting"),
    path("p/<int:post_id>/delete/", views.post_delete, name="post_delete"),
    path("p/<int:post_id>/moderate/", views.moderate_post, name="moderate_post"),
    path("guest/<int:post_id>/<str:token>/", views.guest_manage, name="guest_manage"),
    path("<slug:slug>/", views.category_detail, name="category"),
    path("<slug:slug>/new/", views.topic_new, name="topic_new"),
    path("<slug:slug>/feed/rss/", feeds.CategoryFeed(), name="category_feed_rss"),
    path("<slug:slug>/feed/atom/", feeds.AtomCategoryFeed(), name="category_feed_atom"),
]
