"""Programme dashboards (#21), included from mscos/measurement/urls.py under /workspace/<slug>/."""

from django.urls import path

from mscos.measurement import dashboard_views

urlpatterns = [
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
