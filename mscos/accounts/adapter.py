"""How allauth treats our members: hashed addresses for rate limits, recovery codes at sign-up."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.urls import reverse

from mscos.accounts import services
from mscos.safety.addresses import address_hash

RECOVERY_CODES_SESSION_KEY = "accounts:recovery_codes_to_show"


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        """Rate limits count by a keyed hash of the address, never the address itself."""
        return address_hash(request)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data["display_name"]
        if commit:
            user.save()
        return user

    def send_password_reset_mail(self, user, email, context) -> None:
        """Reset links go only to an address the member has proved is theirs."""
        if EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists():
            super().send_password_reset_mail(user, email, context)

    def get_signup_redirect_url(self, request) -> str:
        """Members without email get recovery codes straight away: it is their only way back in."""
        user = request.user
        if user.is_authenticated and not user.email:
            codes = services.recovery_codes_replace(user=user, acting_user=user)
            request.session[RECOVERY_CODES_SESSION_KEY] = codes
            return reverse("accounts:recovery_codes")
        return super().get_signup_redirect_url(request)

    def get_logout_redirect_url(self, request) -> str:
        # The home page in the language the reader was using (/ar/ rather than /).
        return reverse("wagtail_serve", args=[""])
