"""Who may do what with the newsletter."""

from django.contrib.auth.models import AnonymousUser

from mscos.accounts.models import User


def can_send_mailing(user: User | AnonymousUser) -> bool:
    return user.is_authenticated and user.has_perm("newsletter.add_mailing")


def can_view_subscribers(user: User | AnonymousUser) -> bool:
    return user.is_authenticated and user.has_perm("newsletter.view_subscriber")
