"""Who may do what with the newsletter."""


def can_send_mailing(user) -> bool:
    return user.is_authenticated and user.has_perm("newsletter.add_mailing")


def can_view_subscribers(user) -> bool:
    return user.is_authenticated and user.has_perm("newsletter.view_subscriber")
