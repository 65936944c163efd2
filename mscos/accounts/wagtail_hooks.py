from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_account_actions(actions):
    actions.register_action(
        "mscos.recovery_codes_replaced", _("Replace recovery codes"), _("Recovery codes replaced")
    )
    actions.register_action(
        "mscos.password_recovered", _("Recover password"), _("Password reset with a recovery code")
    )
    actions.register_action("mscos.badge_granted", _("Grant badge"), _("Badge granted"))
    actions.register_action("mscos.badge_declined", _("Decline badge"), _("Badge declined"))
