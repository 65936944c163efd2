"""How allauth treats our members: hashed addresses for rate limits, recovery codes at sign-up,
mails sent by a task (never inside the request, where a mail server's refusal broke the page)."""

import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from django.urls import reverse
from django.utils import translation

from mscos.accounts import mail, selectors, services
from mscos.accounts.tasks import send_account_mail
from mscos.core.site_address import absolute_url
from mscos.safety.addresses import address_hash

RECOVERY_CODES_SESSION_KEY = "accounts:recovery_codes_to_show"


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        """Rate limits count by a keyed hash of the address, never the address itself."""
        return address_hash(request)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """Failed sign-ins count per account and address (allauth counts per account alone).

        Anyone who knows a sign-in name could otherwise keep that member locked out by guessing
        wrong; now the guesses cool off the guesser's address for that account (and, through the
        per-address limits, for all accounts), while the member elsewhere still gets in.
        """
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{address_hash(request)}"

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data["display_name"]
        # Short probation (docs/moderation.md): first posts checked, reports weighed low.
        user.on_probation = True
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Queues the mail; the task renders and sends it, and tries again if the server is away."""
        user = context.get("user")
        send_account_mail.enqueue(
            template_prefix=template_prefix,
            to=email,
            links=mail.task_context(context),
            language=translation.get_language() or "en-gb",
            user_id=getattr(user, "pk", None),
        )

    def send_password_reset_mail(self, user, email, context) -> None:
        """Reset links go only to an address the member has proved is theirs."""
        if selectors.verified_address(user=user, email=email) is not None:
            super().send_password_reset_mail(user, email, context)

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        # allauth builds it from the request's host; mails link to the site's one address.
        return absolute_url(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key: str) -> str:
        return absolute_url(super().get_reset_password_from_key_url(key))

    def get_signup_redirect_url(self, request) -> str:
        """New members get recovery codes straight away: until an address is verified (its mail
        may be late, or never come) they are the only way back in."""
        user = request.user
        if user.is_authenticated and selectors.verified_address(user=user) is None:
            codes = services.recovery_codes_replace(user=user, acting_user=user)
            request.session[RECOVERY_CODES_SESSION_KEY] = codes
            return reverse("accounts:recovery_codes")
        return super().get_signup_redirect_url(request)

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """A sign-in moments ago counts as having just given the password: allauth counted only
        a separate re-entry, so staff, sent to set up two-factor sign-in right after signing in,
        were asked for the password they had just typed."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = self.request
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return True
        records = get_authentication_records(request, user)
        latest = max(
            (
                record.get("at", 0)
                for record in records
                if record.get("method") in account_settings.REAUTHENTICATION_METHODS
            ),
            default=0,
        )
        return time.time() - latest >= account_settings.REAUTHENTICATION_TIMEOUT

    def get_logout_redirect_url(self, request) -> str:
        # The home page in the language the reader was using (/ar/ rather than /).
        return reverse("wagtail_serve", args=[""])
