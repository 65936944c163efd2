"""Words the demo types into editable settings (menu labels), marked so the catalogues carry them.

The page shell shows editors' menu labels through gettext, so a label the catalogue knows is
shown in the reader's language and any other label as the editor typed it.
"""

from django.utils.translation import gettext_noop

MENU_LABELS = [
    gettext_noop("Community of Practice"),
    gettext_noop("Core outcomes"),
    gettext_noop("Updates"),
    gettext_noop("Events"),
    gettext_noop("Forums"),
    gettext_noop("Get involved"),
]
