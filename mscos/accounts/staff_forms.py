"""The Wagtail admin's user forms (Settings → Users), where administrators add staff: each account
gets a display name (the name claims, the queue and the audit log show), and the address typed
here becomes the account's contact address, vouched for by the administrator."""

from allauth.account.models import EmailAddress
from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm


class StaffFormMixin(forms.ModelForm):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=60,
        help_text=_(
            "Shown to members and other staff, e.g. on a claimed post and in the audit log. "
            "It does not need to be a real name."
        ),
    )

    def clean_display_name(self) -> str:
        name = " ".join(self.cleaned_data["display_name"].split())
        if len(name) < 2:
            raise forms.ValidationError(_("Please choose a display name of at least 2 characters."))
        return name

    @transaction.atomic
    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            _vouch_for_address(user)
        return user


def _vouch_for_address(user) -> None:
    """The administrator typed this address for the person: it is where we reach them."""
    if not user.email:
        return
    address = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
    if address is None:
        address = EmailAddress(user=user, email=user.email)
    EmailAddress.objects.filter(user=user).exclude(pk=address.pk).update(primary=False)
    address.verified = True
    address.primary = True
    address.save()


class StaffUserCreationForm(StaffFormMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"display_name"}


class StaffUserEditForm(StaffFormMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"display_name"}
