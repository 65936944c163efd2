from django import forms
from django.utils.translation import gettext_lazy as _


class SharingForm(forms.Form):
    shares = forms.TypedChoiceField(
        label=_("Pooled, anonymous statistics"),
        choices=[
            ("yes", _("Take part: count the people who agreed in pooled figures")),
            ("no", _("Do not take part")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether your organisation takes part.")},
    )
