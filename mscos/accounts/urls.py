from django.urls import path

from mscos.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("display-name/", views.display_name, name="display_name"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("recovery-codes/download/", views.recovery_codes_download, name="recovery_codes_download"),
    path("recovery-codes/saved/", views.recovery_codes_saved, name="recovery_codes_saved"),
    path("recover/", views.recover_password, name="recover_password"),
    path("badges/", views.badges, name="badges"),
    path("badges/review/", views.badge_review, name="badge_review"),
    path("privacy/", views.privacy, name="privacy"),
    path("privacy/export/", views.export, name="export"),
    path("privacy/delete/", views.delete_account, name="delete"),
    path("still-here/", views.still_here, name="still_here"),
]
