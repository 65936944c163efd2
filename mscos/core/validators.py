from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

validate_https_url = URLValidator(
    schemes=["https"],
    message=_("Enter a full web address that starts with https://"),
)
