from django.urls import path

from mscos.safety import views

app_name = "safety"
urlpatterns = [path("exit/", views.exit_page, name="exit")]
