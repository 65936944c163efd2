"""Programme dashboards (#21), included from mscos/measurement/urls.py under /workspace/<slug>/."""

from django.urls import path

from mscos.measurement import dashboard_views, programme_views

urlpatterns = [
    # A programme's kind and interval (the lead's): what the dashboards and pooled figures read.
    path("programmes/<int:programme_id>/", programme_views.programme_edit, name="programme_edit"),
    path("dashboards/", dashboard_views.dashboards, name="dashboards"),
    path(
        "dashboards/<int:programme_id>/",
        dashboard_views.programme_dashboard,
        name="programme_dashboard",
    ),
    path(
        "dashboards/<int:programme_id>/report.pdf",
        dashboard_views.programme_dashboard_pdf,
        name="programme_dashboard_pdf",
    ),
    path(
        "dashboards/<int:programme_id>/figures.csv",
        dashboard_views.programme_dashboard_csv,
        name="programme_dashboard_csv",
    ),
]
