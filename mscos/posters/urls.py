from django.urls import path

from mscos.posters import views

app_name = "posters"

urlpatterns = [
    path("<str:language_code>/", views.help_page, name="help"),
]
