from django.urls import include, path

from mscos.measurement import survivor_views, views

app_name = "measurement"
urlpatterns = [
    path("", views.workspaces, name="workspaces"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("<slug:slug>/", views.workspace_home, name="workspace"),
    path("<slug:slug>/people/new/", views.person_create, name="person_create"),
    path("<slug:slug>/people/export/", views.people_export, name="people_export"),
    path("<slug:slug>/people/<int:person_id>/", views.person_detail, name="person"),
    path("<slug:slug>/people/<int:person_id>/notes/", views.note_add, name="note_add"),
    path(
        "<slug:slug>/people/<int:person_id>/consent/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    path(
        "<slug:slug>/people/<int:person_id>/check-ins/new/",
        views.check_in_create,
        name="check_in_create",
    ),
    path(
        "<slug:slug>/people/<int:person_id>/check-ins/<int:check_in_id>/",
        views.check_in_edit,
        name="check_in",
    ),
    path("<slug:slug>/people/<int:person_id>/journey/", views.person_journey, name="journey"),
    path(
        "<slug:slug>/people/<int:person_id>/survivor-links/new/",
        survivor_views.survivor_link_create,
        name="survivor_link_create",
    ),
    path(
        "<slug:slug>/people/<int:person_id>/survivor-links/<int:link_id>/",
        survivor_views.survivor_link,
        name="survivor_link",
    ),
    path("<slug:slug>/programmes/", views.programmes, name="programmes"),
    path(
        "<slug:slug>/programmes/<int:programme_id>/check-ins/",
        views.programme_check_ins,
        name="programme_check_ins",
    ),
    path("<slug:slug>/members/", views.members, name="members"),
    path("<slug:slug>/access-log/", views.access_log, name="access_log"),
    path("<slug:slug>/reports/", views.reports, name="reports"),
    path("<slug:slug>/", include("mscos.measurement.urls_dashboard")),
]
