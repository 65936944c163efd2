from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from mscos.accounts.models import User


@admin.register(User)
class MemberAdmin(UserAdmin):
    fieldsets = (*(UserAdmin.fieldsets or ()), (None, {"fields": ("display_name",)}))
    list_display = ("username", "display_name", "is_staff", "is_active")
