from django.urls import path

from mscos.forum import views

app_name = "forum"
urlpatterns = [
    path("", views.forum_index, name="index"),
    path("<slug:slug>/", views.category_detail, name="category"),
]
