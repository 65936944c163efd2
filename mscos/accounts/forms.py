"""Forms for the account pages."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from mscos.accounts.models import Badge, BadgeRequest, User


class SignupForm(AllauthSignupForm):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=60,
        help_text=_("Shown next to what you write. It does not need to be your real name."),
    )

    field_order = ["display_name", "username", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Sign-in name")
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
