"""Event routes outside the page tree: calendar files and the private links sent by email."""

from django.urls import path

from mscos.events import views

urlpatterns = [
    path("calendar.ics", views.calendar_feed, name="events_calendar"),
    path("registration/<str:token>/", views.manage_registration, name="events_registration"),
    path("invitation/<str:token>/", views.accept_invitation, name="events_invitation"),
    path("<slug:slug>/event.ics", views.event_ics, name="events_ics"),
]
