"""Wagtail's Users pages with this site's user forms (Wagtail 8 swaps them through the users app's
viewset; see StaffUsersConfig in apps.py)."""

from wagtail.users.views.users import UserViewSet

from mscos.accounts.staff_forms import StaffUserCreationForm, StaffUserEditForm


class StaffUserViewSet(UserViewSet):
    create_template_name = "accounts/admin/user_create.html"
    edit_template_name = "accounts/admin/user_edit.html"

    def get_form_class(self, for_update=False):
        return StaffUserEditForm if for_update else StaffUserCreationForm
