from django.urls import path

from mscos.selfassessment import views

app_name = "selfassessment"
urlpatterns = [
    path("", views.start, name="start"),
    path("report/<str:token>/", views.report, name="report"),
    path("report/<str:token>/pdf/", views.report_pdf, name="report_pdf"),
    path("where-services-struggle/", views.struggle, name="struggle"),
    path("workspace/<slug:slug>/", views.workspace_list, name="workspace"),
    path("workspace/<slug:slug>/new/", views.workspace_new, name="workspace_new"),
    path("workspace/<slug:slug>/<int:pk>/", views.workspace_report, name="workspace_report"),
    path(
        "workspace/<slug:slug>/<int:pk>/pdf/",
        views.workspace_report_pdf,
        name="workspace_report_pdf",
    ),
]
