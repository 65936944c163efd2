from django.urls import path

from mscos.moderation import views

app_name = "moderation"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("item/<int:post_id>/", views.item, name="item"),
    path("item/<int:post_id>/reveal/", views.reveal, name="reveal"),
    path("item/<int:post_id>/publish/", views.publish_urgent, name="publish_urgent"),
    path("decision/<int:decision_id>/undo/", views.decision_undo, name="decision_undo"),
    path("member/<int:user_id>/", views.member, name="member"),
    path("automatic/<int:action_id>/undo/", views.automatic_undo, name="automatic_undo"),
    path("log/", views.audit_log, name="audit_log"),
    path("log/<int:entry_id>/original/", views.audit_original, name="audit_original"),
    path("settings/", views.moderator_settings, name="settings"),
    path("notices/read/", views.notices_read, name="notices_read"),
]
