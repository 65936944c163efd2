"""Reads about members."""

from allauth.mfa.models import Authenticator


def has_two_factor(user) -> bool:
    """Whether the user has an authenticator app set up."""
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
