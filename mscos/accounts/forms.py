"""Forms for the account pages."""

from allauth.account import forms as allauth_forms
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.core import context
from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from mscos.accounts.models import Badge, BadgeRequest, User
from mscos.safety.bot_check import BotCheckMixin, allow_form_post

SIGNUP_RATE_LIMITED_MESSAGE = _(
    "Several accounts were made from your connection in the last hour. Please wait a while and "
    "try again; what you wrote is still here."
)


# One name for what a member signs in with, on every page (sign-up, sign-in, recovery).
SIGN_IN_NAME = _("Sign-in name")
NEW_PASSWORD = _("New password")
NEW_PASSWORD_AGAIN = _("New password (again)")


class SiteVoiceMixin:
    """allauth's forms in the site's words: sentence case, one name for the sign-in name, and no
    placeholders standing in for labels."""

    labels: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in self.labels.items():
            if name in self.fields:
                self.fields[name].label = label
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)


class LoginForm(SiteVoiceMixin, allauth_forms.LoginForm):
    labels = {"login": SIGN_IN_NAME, "password": _("Password")}


class ChangePasswordForm(SiteVoiceMixin, allauth_forms.ChangePasswordForm):
    labels = {
        "oldpassword": _("Current password"),
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD_AGAIN,
    }


class SetPasswordForm(SiteVoiceMixin, allauth_forms.SetPasswordForm):
    labels = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD_AGAIN}


class ResetPasswordForm(SiteVoiceMixin, allauth_forms.ResetPasswordForm):
    labels = {"email": _("Email address")}


class ResetPasswordKeyForm(SiteVoiceMixin, allauth_forms.ResetPasswordKeyForm):
    labels = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD_AGAIN}


class AddEmailForm(SiteVoiceMixin, allauth_forms.AddEmailForm):
    labels = {"email": _("Email address")}


class ReauthenticateForm(SiteVoiceMixin, allauth_forms.ReauthenticateForm):
    labels = {"password": _("Password")}


class SignupForm(BotCheckMixin, AllauthSignupForm):
    """Sign-up resists floods without an outside CAPTCHA: the public forms' bot check and a
    limit per (hashed) address. New accounts start on probation (the adapter)."""

    honeypot_message = _("Your account could not be made. Please try again.")
    too_quick_message = _(
        "Sorry, we could not create your account yet. Please check the form and press Sign up "
        "again."
    )
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=60,
        help_text=_("Shown next to what you write. It does not need to be your real name."),
    )

    field_order = ["display_name", "username", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = SIGN_IN_NAME
        self.fields["username"].help_text = _(
            "Used only to sign in; nobody else sees it. Please do not use your real name."
        )
        self.fields["email"].label = _("Email address")
        self.fields["email"].help_text = _(
            "Only if you want emails from us. Other members never see it. Without one, you get "
            "recovery codes to reset your password."
        )
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)

    def clean_display_name(self) -> str:
        name = " ".join(self.cleaned_data["display_name"].split())
        if len(name) < 2:
            raise forms.ValidationError(_("Please choose a display name of at least 2 characters."))
        return name

    def clean(self):
        cleaned = super().clean()
        # Counted only for sign-ups that would succeed, so a typo costs nothing.
        request = context.request
        if not self.errors and request is not None:
            allowed = allow_form_post(
                request,
                action="signup",
                limit=settings.ACCOUNT_SIGNUPS_PER_ADDRESS_PER_HOUR,
                window_seconds=60 * 60,
            )
            if not allowed:
                raise forms.ValidationError(SIGNUP_RATE_LIMITED_MESSAGE)
        return cleaned


class DisplayNameForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name"]

    def clean_display_name(self) -> str:
        name = " ".join(self.cleaned_data["display_name"].split())
        if len(name) < 2:
            raise forms.ValidationError(_("Please choose a display name of at least 2 characters."))
        return name


class RecoverPasswordForm(forms.Form):
    username = forms.CharField(label=_("Sign-in name"), max_length=150)
    code = forms.CharField(
        label=_("One of your recovery codes"),
        max_length=40,
        help_text=_("For example abcd-efgh-jkmn. Each code works once."),
    )
    new_password1 = forms.CharField(
        label=_("New password"), widget=forms.PasswordInput(render_value=False)
    )
    new_password2 = forms.CharField(
        label=_("New password again"), widget=forms.PasswordInput(render_value=False)
    )

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("new_password1"), cleaned.get("new_password2")
        if first and second and first != second:
            self.add_error("new_password2", _("The two passwords are not the same."))
        elif first:
            try:
                password_validation.validate_password(first)
            except forms.ValidationError as error:
                self.add_error("new_password1", error)
        return cleaned


class BadgeRequestForm(forms.ModelForm):
    badge = forms.ChoiceField(label=_("Badge"), choices=Badge.choices, widget=forms.RadioSelect)

    class Meta:
        model = BadgeRequest
        fields = ["badge", "note"]


class DeleteAccountForm(forms.Form):
    KEEP = "keep"
    DELETE = "delete"
    posts = forms.ChoiceField(
        label=_("What should happen to what you wrote?"),
        choices=[
            (DELETE, _("Delete my posts")),
            (KEEP, _('Keep my posts, shown as "Former member", with no link to me')),
        ],
        widget=forms.RadioSelect,
    )
    password = forms.CharField(
        label=_("Your password, to confirm"), widget=forms.PasswordInput(render_value=False)
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not right."))
        return password
