"""Admin panels shared by the page models."""

from django.utils.text import capfirst
from wagtail.admin.panels import FieldPanel


class LockedFieldPanel(FieldPanel):
    """A field only users with `permission` may change; everyone else sees its value, read-only.

    Wagtail's own `permission=` hides the field from the others; here they still see it. The form
    drops the field for them (permissionedforms), so a value they post is ignored, not saved.
    """

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is not None and self.bound_field is None:
                self.read_only = True
                self.heading = self.panel.heading or capfirst(self.panel.db_field.verbose_name)
                self.help_text = self.panel.help_text or capfirst(self.panel.db_field.help_text)

        def is_shown(self):
            return self.form is None or self.bound_field is not None or self.read_only
