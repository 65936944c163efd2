from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "mscos.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from mscos.accounts import checks  # noqa: F401  (registers the mail sender check)


class StaffUsersConfig(WagtailUsersAppConfig):
    """wagtail.users, with the Users pages asking each account's display name and the Groups
    pages saying what each group may do."""

    user_viewset = "mscos.accounts.user_admin.StaffUserViewSet"
    group_viewset = "mscos.accounts.group_admin.DescribedGroupViewSet"
