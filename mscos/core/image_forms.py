"""The image form editors use: every image needs alt text before it can be saved."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class SiteImageForm(BaseImageForm):
    """Wagtail's image form, with the description (used as alt text) required."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        description = self.fields.get("description")
        if description is not None:
            description.required = True
            description.label = _("Alt text")
            description.help_text = _(
                "Describe the picture for someone who cannot see it, e.g. 'Two people talking "
                "at a table'. Screen readers read this aloud."
            )
