from django.urls import path

from mscos.evidence import views

app_name = "evidence"
urlpatterns = [
    path("", views.index, name="index"),
    path("pooled-evidence.csv", views.download_csv, name="download_csv"),
    path("pooled-evidence.json", views.download_json, name="download_json"),
    path("data-dictionary/", views.data_dictionary, name="data_dictionary"),
    # Before the outcome pages, so no outcome's address can hide a workspace's.
    path("workspace/<slug:slug>/", views.workspace_sharing, name="workspace_sharing"),
    path("<slug:slug>/", views.outcome, name="outcome"),
]
